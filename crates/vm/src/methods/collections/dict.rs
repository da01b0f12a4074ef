//! Methods of `dict`, the `dict()` constructor, and the live view objects returned by
//! `keys()`, `values()` and `items()`.

use std::any::Any;
use std::sync::{Arc, OnceLock};

use crate::sync::RwLock;

use crate::dict::{Dict, HKey};
use crate::errors::{key_error, type_error, value_error, PyResult};
use crate::methods::{add_method, receiver, wrong_receiver};
use crate::object::{downcast, Args, Builtin, BuiltinFn, Class, Descriptor, DescriptorObj, NativeObject, TypeKind};
use crate::protocol::{self, eq};
use crate::types::{new_class, types};
use crate::value::Value;
use crate::vm::Vm;

pub(super) fn register(cls: &Class) {
    add_method(cls, "get", dict_get);
    add_method(cls, "keys", dict_keys);
    add_method(cls, "values", dict_values);
    add_method(cls, "items", dict_items);
    add_method(cls, "pop", dict_pop);
    add_method(cls, "popitem", dict_popitem);
    add_method(cls, "setdefault", dict_setdefault);
    add_method(cls, "update", dict_update);
    add_method(cls, "copy", dict_copy);
    add_method(cls, "clear", dict_clear);
    add_method(cls, "__len__", dict_len);
    add_method(cls, "__getitem__", dict_getitem);
    add_method(cls, "__setitem__", dict_setitem);
    add_method(cls, "__delitem__", dict_delitem);
    add_method(cls, "__contains__", dict_contains);
    add_method(cls, "__iter__", dict_iter);
    add_classmethod(cls, "fromkeys", "dict", dict_fromkeys);
    // Build the view classes now, so that their methods exist before any thread runs.
    let _ = view_classes();
}

/// Adds a method that receives the class (like CPython's METH_CLASS), so that both
/// `dict.fromkeys(...)` and `{}.fromkeys(...)` pass the class first.
fn add_classmethod(cls: &Class, name: &'static str, owner: &'static str, func: BuiltinFn) {
    let f = Value::Builtin(Arc::new(Builtin { name: Arc::from(name), func, owner: Some(owner) }));
    let desc = DescriptorObj { desc: RwLock::new(Descriptor::ClassMethod(f)) };
    cls.set_attr(name, Value::native(desc));
}

fn this(args: &mut Args, name: &str, min: usize, max: usize) -> PyResult<Arc<Dict>> {
    match receiver(args, "dict", name, min, max)? {
        Value::Dict(d) => Ok(d),
        other => Err(wrong_receiver("dict", name, &other)),
    }
}

fn dict_get(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let d = this(&mut args, "get", 1, 2)?;
    let k = protocol::dict_key(vm, &d, &args.pos[0])?;
    Ok(d.get(&k).unwrap_or_else(|| args.pos.get(1).cloned().unwrap_or(Value::None)))
}

fn make_view(args: &mut Args, name: &str, kind: ViewKind) -> PyResult<Value> {
    let d = this(args, name, 0, 0)?;
    Ok(Value::native(DictView { dict: d, kind }))
}

fn dict_keys(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    make_view(&mut args, "keys", ViewKind::Keys)
}

fn dict_values(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    make_view(&mut args, "values", ViewKind::Values)
}

fn dict_items(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    make_view(&mut args, "items", ViewKind::Items)
}

fn dict_pop(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let d = this(&mut args, "pop", 1, 2)?;
    let k = protocol::dict_key(vm, &d, &args.pos[0])?;
    match d.remove(&k) {
        Some(v) => Ok(v),
        None => match args.pos.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(key_error(args.pos[0].clone())),
        },
    }
}

fn dict_popitem(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let d = this(&mut args, "popitem", 0, 0)?;
    let last = d.map.lock().pop();
    match last {
        Some((k, v)) => Ok(Value::tuple(vec![k.key, v])),
        None => Err(key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn dict_setdefault(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let d = this(&mut args, "setdefault", 1, 2)?;
    let k = protocol::dict_key(vm, &d, &args.pos[0])?;
    let default = args.pos.get(1).cloned().unwrap_or(Value::None);
    let mut map = d.map.lock();
    Ok(map.entry(k).or_insert(default).clone())
}

fn dict_update(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let d = this(&mut args, "update", 0, usize::MAX)?;
    if args.pos.len() > 1 {
        return Err(type_error(format!("update expected at most 1 argument, got {}", args.pos.len())));
    }
    if let Some(src) = args.pos.first() {
        update_from(vm, &d, src)?;
    }
    for (k, v) in args.kw {
        d.insert(HKey::from_str(&k), v);
    }
    Ok(Value::None)
}

fn dict_copy(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let d = this(&mut args, "copy", 0, 0)?;
    Ok(Value::Dict(Arc::new(d.copy())))
}

fn dict_clear(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let d = this(&mut args, "clear", 0, 0)?;
    let old = std::mem::take(&mut *d.map.lock());
    drop(old);
    Ok(Value::None)
}

fn dict_len(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let d = this(&mut args, "__len__", 0, 0)?;
    Ok(Value::Int(d.len() as i64))
}

fn dict_getitem(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let d = this(&mut args, "__getitem__", 1, 1)?;
    protocol::getitem(vm, &Value::Dict(d), &args.pos[0])
}

fn dict_setitem(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let n = args.pos.len().saturating_sub(1);
    if n != 2 && !args.pos.is_empty() {
        return Err(type_error(format!("expected 2 arguments, got {n}")));
    }
    let d = this(&mut args, "__setitem__", 2, 2)?;
    let v = args.pos.pop().unwrap_or(Value::None);
    protocol::setitem(vm, &Value::Dict(d), &args.pos[0], v)?;
    Ok(Value::None)
}

fn dict_delitem(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let d = this(&mut args, "__delitem__", 1, 1)?;
    protocol::delitem(vm, &Value::Dict(d), &args.pos[0])?;
    Ok(Value::None)
}

fn dict_contains(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let d = this(&mut args, "__contains__", 1, 1)?;
    let k = protocol::dict_key(vm, &d, &args.pos[0])?;
    Ok(Value::bool(d.get(&k).is_some()))
}

fn dict_iter(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let d = this(&mut args, "__iter__", 0, 0)?;
    crate::iter::get_iter(vm, &Value::Dict(d))
}

/// `dict.fromkeys(iterable, value=None)`; the first argument is the class.
fn dict_fromkeys(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if !args.pos.is_empty() {
        args.pos.remove(0);
    }
    if !args.kw.is_empty() {
        return Err(type_error("dict.fromkeys() takes no keyword arguments"));
    }
    match args.pos.len() {
        0 => return Err(type_error("fromkeys expected at least 1 argument, got 0")),
        1 | 2 => {}
        n => return Err(type_error(format!("fromkeys expected at most 2 arguments, got {n}"))),
    }
    let value = args.pos.get(1).cloned().unwrap_or(Value::None);
    let out = Dict::new();
    match &args.pos[0] {
        Value::Dict(src) => {
            let keys: Vec<HKey> = src.map.lock().keys().cloned().collect();
            let mut map = out.map.lock();
            for k in keys {
                map.insert(k, value.clone());
            }
        }
        Value::Set(src) => {
            let keys: Vec<HKey> = src.table.lock().keys().cloned().collect();
            let mut map = out.map.lock();
            for k in keys {
                map.insert(k, value.clone());
            }
        }
        other => {
            let it = crate::iter::get_iter(vm, other)?;
            while let Some(x) = crate::iter::next(vm, &it)? {
                let k = protocol::dict_key(vm, &out, &x)?;
                out.insert(k, value.clone());
            }
        }
    }
    Ok(Value::Dict(Arc::new(out)))
}

/// `dict()`, `dict(mapping)`, `dict(iterable_of_pairs)`, each with optional `**kwargs`.
pub fn dict_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 {
        return Err(type_error(format!("dict expected at most 1 argument, got {}", args.pos.len())));
    }
    let d = Arc::new(Dict::new());
    if let Some(src) = args.pos.first() {
        update_from(vm, &d, src)?;
    }
    for (k, v) in args.kw {
        d.insert(HKey::from_str(&k), v);
    }
    Ok(Value::Dict(d))
}

/// CPython's `dict_update_arg`: merges a dict, an object with `keys()`, or an iterable
/// of key/value pairs into `d`.
fn update_from(vm: &mut Vm, d: &Arc<Dict>, src: &Value) -> PyResult<()> {
    match src {
        Value::Dict(s) => {
            if Arc::ptr_eq(s, d) {
                return Ok(());
            }
            let pairs: Vec<(HKey, Value)> = s.map.lock().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            for (k, v) in pairs {
                // A key equal to one of `d`'s by a user `__eq__` replaces that entry.
                let k = if protocol::needs_python_eq(&k.key) { protocol::dict_key(vm, d, &k.key)? } else { k };
                d.insert(k, v);
            }
            return Ok(());
        }
        Value::Instance(inst) if inst.class.lookup("keys").is_some() => {
            let keys_fn = crate::attr::get_attr(vm, src, "keys")?;
            let keys = vm.call(&keys_fn, Args::default())?;
            let it = crate::iter::get_iter(vm, &keys)?;
            while let Some(k) = crate::iter::next(vm, &it)? {
                let v = protocol::getitem(vm, src, &k)?;
                let hk = protocol::dict_key(vm, d, &k)?;
                d.insert(hk, v);
            }
            return Ok(());
        }
        _ => {}
    }
    let it = crate::iter::get_iter(vm, src)?;
    let mut n = 0usize;
    while let Some(elem) = crate::iter::next(vm, &it)? {
        let pair = match &elem {
            Value::Tuple(t) => t.items.to_vec(),
            Value::List(l) => l.snapshot(),
            _ => {
                let inner = match crate::iter::get_iter(vm, &elem) {
                    Ok(i) => i,
                    Err(e) if e.matches("TypeError") => {
                        return Err(type_error(format!(
                            "cannot convert dictionary update sequence element #{n} to a sequence"
                        )))
                    }
                    Err(e) => return Err(e),
                };
                let mut items = Vec::new();
                while let Some(x) = crate::iter::next(vm, &inner)? {
                    items.push(x);
                }
                items
            }
        };
        if pair.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{n} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut pair = pair.into_iter();
        let (k, v) = match (pair.next(), pair.next()) {
            (Some(k), Some(v)) => (k, v),
            _ => break,
        };
        let hk = protocol::dict_key(vm, d, &k)?;
        d.insert(hk, v);
        n += 1;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// A live view of a dict: it always reflects the dict's current contents.
pub struct DictView {
    pub dict: Arc<Dict>,
    pub kind: ViewKind,
}

fn view_classes() -> &'static [Arc<Class>; 3] {
    static CLASSES: OnceLock<[Arc<Class>; 3]> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let mk = |name: &str| {
            let cls = new_class(name, Some(types().object.clone()), TypeKind::Native, "builtins");
            add_method(&cls, "__len__", view_len_method);
            add_method(&cls, "__contains__", view_contains_method);
            add_method(&cls, "__iter__", view_iter_method);
            add_method(&cls, "isdisjoint", view_isdisjoint);
            cls
        };
        [mk("dict_keys"), mk("dict_values"), mk("dict_items")]
    })
}

impl ViewKind {
    fn name(self) -> &'static str {
        match self {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }
}

impl DictView {
    /// The view's current items: keys, values, or `(key, value)` tuples.
    pub fn items(&self) -> Vec<Value> {
        let map = self.dict.map.lock();
        match self.kind {
            ViewKind::Keys => map.keys().map(|k| k.key.clone()).collect(),
            ViewKind::Values => map.values().cloned().collect(),
            ViewKind::Items => map.iter().map(|(k, v)| Value::tuple(vec![k.key.clone(), v.clone()])).collect(),
        }
    }
}

impl NativeObject for DictView {
    fn class(&self) -> Arc<Class> {
        let [keys, values, items] = view_classes();
        match self.kind {
            ViewKind::Keys => keys.clone(),
            ViewKind::Values => values.clone(),
            ViewKind::Items => items.clone(),
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    /// A repr that needs no interpreter (user `__repr__`s are not called here; the VM
    /// uses [`view_repr`] when it can).
    fn repr(&self) -> Option<String> {
        let parts: Vec<String> = self.items().iter().map(plain_repr).collect();
        Some(format!("{}([{}])", self.kind.name(), parts.join(", ")))
    }
}

/// The repr of a built-in value without running Python code.
fn plain_repr(v: &Value) -> String {
    match v {
        Value::None => "None".into(),
        Value::Bool(b) => if b.get() { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => b.to_string(),
        Value::Float(f) => crate::format::float_repr(f.get()),
        Value::Str(s) => gilvm_compiler::dis::str_repr(s.as_str()),
        Value::Tuple(t) => {
            let parts: Vec<String> = t.items.iter().map(plain_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Value::List(l) => {
            let parts: Vec<String> = l.snapshot().iter().map(plain_repr).collect();
            format!("[{}]", parts.join(", "))
        }
        other => {
            let cls = protocol::class_of(other);
            let name = if &*cls.module == "builtins" {
                cls.qualname.to_string()
            } else {
                format!("{}.{}", cls.module, cls.qualname)
            };
            format!("<{} object at {:#x}>", name, other.heap_ptr().unwrap_or(0))
        }
    }
}

/// `len()` of a dict view, or `None` for other values.
pub fn view_len(v: &Value) -> Option<usize> {
    downcast::<DictView>(v).map(|view| view.dict.len())
}

/// `repr()` of a dict view (calling user `__repr__`s), or `None` for other values.
pub fn view_repr(vm: &mut Vm, v: &Value) -> Option<PyResult<String>> {
    let view = downcast::<DictView>(v)?;
    let items = Value::list(view.items());
    Some(protocol::repr(vm, &items).map(|r| format!("{}({})", view.kind.name(), r)))
}

/// `item in view`, or `None` when `v` is not a dict view.
pub fn view_contains(vm: &mut Vm, v: &Value, item: &Value) -> Option<PyResult<bool>> {
    let view = downcast::<DictView>(v)?;
    Some(view_contains_impl(vm, view, item))
}

fn view_contains_impl(vm: &mut Vm, view: &DictView, item: &Value) -> PyResult<bool> {
    match view.kind {
        ViewKind::Keys => {
            let k = protocol::dict_key(vm, &view.dict, item)?;
            Ok(view.dict.get(&k).is_some())
        }
        ViewKind::Values => {
            for x in view.dict.values() {
                if x.is(item) || eq(vm, &x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        ViewKind::Items => {
            let Value::Tuple(t) = item else {
                return Ok(false);
            };
            if t.items.len() != 2 {
                return Ok(false);
            }
            let k = protocol::dict_key(vm, &view.dict, &t.items[0])?;
            match view.dict.get(&k) {
                Some(v) => Ok(v.is(&t.items[1]) || eq(vm, &v, &t.items[1])?),
                None => Ok(false),
            }
        }
    }
}

fn view_this<'a>(args: &'a Args, name: &str) -> PyResult<&'a DictView> {
    match args.pos.first() {
        Some(v) => downcast::<DictView>(v).ok_or_else(|| wrong_receiver("dict_keys", name, v)),
        None => Err(type_error(format!("unbound method {name}() needs an argument"))),
    }
}

fn view_len_method(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let view = view_this(&args, "__len__")?;
    Ok(Value::Int(view.dict.len() as i64))
}

fn view_contains_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let view = view_this(&args, "__contains__")?;
    let Some(item) = args.pos.get(1) else {
        return Err(type_error("expected 1 argument, got 0"));
    };
    Ok(Value::bool(view_contains_impl(vm, view, item)?))
}

fn view_iter_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let view = view_this(&args, "__iter__")?;
    let _ = vm;
    Ok(crate::iter::new_iter(crate::iter::dict_iter_state(view)))
}

fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let view = view_this(&args, "isdisjoint")?;
    let Some(other) = args.pos.get(1) else {
        return Err(type_error("isdisjoint() takes exactly one argument (0 given)"));
    };
    let other_items = protocol::collect(vm, other)?;
    for x in &other_items {
        if view_contains_impl(vm, view, x)? {
            return Ok(Value::Bool(crate::value::PyBool::FALSE));
        }
    }
    Ok(Value::Bool(crate::value::PyBool::TRUE))
}

// ---------------------------------------------------------------------------
// Set-like views: comparisons and set operators
// ---------------------------------------------------------------------------

/// The view behind `v` if it is set-like (`dict_keys` or `dict_items`).
fn set_like(v: &Value) -> Option<&DictView> {
    downcast::<DictView>(v).filter(|view| view.kind != ViewKind::Values)
}

/// `all_contained_in(a, b)`: every item of `a` is `in b`.
fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    for x in protocol::collect(vm, a)? {
        if !protocol::contains(vm, b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `a op b` where one side is a set-like dict view and the other a set, frozenset or
/// set-like view (CPython's `dictview_richcompare`); `None` for other operands.
pub fn view_richcompare(vm: &mut Vm, op: gilvm_syntax::ast::CmpOp, a: &Value, b: &Value) -> Option<PyResult<bool>> {
    use gilvm_syntax::ast::CmpOp;
    let setish = |v: &Value| matches!(v, Value::Set(_)) || set_like(v).is_some();
    if set_like(a).is_none() {
        // `set op view`: the set declines, and the view's reflected comparison runs.
        if set_like(b).is_none() || !setish(a) {
            return None;
        }
        let reflected = match op {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::LtE => CmpOp::GtE,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::GtE => CmpOp::LtE,
            other => other,
        };
        return view_richcompare(vm, reflected, b, a);
    }
    if !setish(b) {
        return None;
    }
    Some((|| {
        let (la, lb) = (protocol::len(vm, a)?, protocol::len(vm, b)?);
        Ok(match op {
            CmpOp::Eq => la == lb && all_contained_in(vm, a, b)?,
            CmpOp::NotEq => !(la == lb && all_contained_in(vm, a, b)?),
            CmpOp::Lt => la < lb && all_contained_in(vm, a, b)?,
            CmpOp::LtE => la <= lb && all_contained_in(vm, a, b)?,
            CmpOp::Gt => la > lb && all_contained_in(vm, b, a)?,
            CmpOp::GtE => la >= lb && all_contained_in(vm, b, a)?,
            _ => false,
        })
    })())
}

/// `set(v)` as `dictviews_to_set` builds it (a keys view is read as its dict).
fn to_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let src = match downcast::<DictView>(v) {
        Some(view) if view.kind == ViewKind::Keys => Value::Dict(view.dict.clone()),
        _ => v.clone(),
    };
    crate::methods::set::set_new(vm, Args::new(vec![src]), false)
}

fn call_set_method(vm: &mut Vm, set: &Value, name: &str, arg: &Value) -> PyResult<()> {
    let f = types().set.lookup(name).ok_or_else(|| type_error(format!("set has no method {name}")))?;
    vm.call(&f, Args::new(vec![set.clone(), arg.clone()]))?;
    Ok(())
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` where either side is a set-like dict view: a new
/// set, built as CPython's `dictviews_or` & co. build it. `None` for other operands.
pub fn view_binop(vm: &mut Vm, op: gilvm_syntax::ast::BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    use gilvm_syntax::ast::BinOp;
    if set_like(a).is_none() && set_like(b).is_none() {
        return None;
    }
    let name = match op {
        BinOp::Sub => "difference_update",
        BinOp::BitOr => "update",
        BinOp::BitXor => "symmetric_difference_update",
        BinOp::BitAnd => return Some(view_intersect(vm, a, b)),
        _ => return None,
    };
    Some((|| {
        let result = to_set(vm, a)?;
        call_set_method(vm, &result, name, b)?;
        Ok(result)
    })())
}

/// CPython's `_PyDictView_Intersect`.
fn view_intersect(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (mut this, mut other) = if set_like(a).is_some() { (a, b) } else { (b, a) };
    let len_this = protocol::len(vm, this)?;
    if let Value::Set(s) = other {
        if !s.frozen && len_this <= s.len() {
            let f = types().set.lookup("intersection").ok_or_else(|| type_error("set.intersection is missing"))?;
            return vm.call(&f, Args::new(vec![other.clone(), this.clone()]));
        }
    }
    if set_like(other).is_some() && protocol::len(vm, other)? > len_this {
        std::mem::swap(&mut this, &mut other);
    }
    let result = crate::methods::set::set_new(vm, Args::new(Vec::new()), false)?;
    for x in protocol::collect(vm, other)? {
        if protocol::contains(vm, this, &x)? {
            call_set_method(vm, &result, "add", &x)?;
        }
    }
    Ok(result)
}
