//! The `builtins` namespace: built-in functions, type constructors and constants.

use std::sync::{Arc, OnceLock};

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::dict::Dict;
use crate::errors::{arg_count_error, type_error, value_error, PyResult};
use crate::object::{Args, Builtin, BuiltinFn, Class, Descriptor, DescriptorObj, Instance, TypeKind};
use crate::ops::{to_bigint, type_name};
use crate::protocol::{self, class_of, truthy};
use crate::types::types;
use crate::value::{Range, Value};
use crate::vm::Vm;

pub fn builtin(name: &str, func: BuiltinFn) -> Value {
    Value::Builtin(Arc::new(Builtin { name: Arc::from(name), func, owner: None }))
}

/// Fills the builtins namespace (and registers the built-in types' methods).
pub fn install(ns: &Dict) {
    crate::methods::register_all();
    register_object_methods();
    let t = types();
    for (name, cls) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool),
        ("float", &t.float),
        ("str", &t.str),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("super", &t.super_),
    ] {
        ns.set_str(name, Value::Class(cls.clone()));
    }
    for name in &t.exception_names {
        ns.set_str(name, Value::Class(t.exc(name)));
    }
    ns.set_str("EnvironmentError", Value::Class(t.exc("OSError")));
    ns.set_str("IOError", Value::Class(t.exc("OSError")));
    ns.set_str("None", Value::None);
    ns.set_str("True", Value::Bool(crate::value::PyBool::TRUE));
    ns.set_str("False", Value::Bool(crate::value::PyBool::FALSE));
    ns.set_str("Ellipsis", Value::Ellipsis);
    ns.set_str("NotImplemented", Value::NotImplemented);
    let funcs: &[(&str, BuiltinFn)] = &[
        ("print", crate::io::builtin_print),
        ("input", crate::io::builtin_input),
        ("open", crate::io::builtin_open),
        ("len", builtin_len),
        ("repr", builtin_repr),
        ("ascii", builtin_ascii),
        ("abs", builtin_abs),
        ("min", builtin_min),
        ("max", builtin_max),
        ("sum", builtin_sum),
        ("sorted", builtin_sorted),
        ("reversed", builtin_reversed),
        ("enumerate", builtin_enumerate),
        ("zip", builtin_zip),
        ("map", builtin_map),
        ("filter", builtin_filter),
        ("any", builtin_any),
        ("all", builtin_all),
        ("isinstance", builtin_isinstance),
        ("issubclass", builtin_issubclass),
        ("hasattr", builtin_hasattr),
        ("getattr", builtin_getattr),
        ("setattr", builtin_setattr),
        ("delattr", builtin_delattr),
        ("id", builtin_id),
        ("hash", builtin_hash),
        ("round", builtin_round),
        ("divmod", builtin_divmod),
        ("pow", builtin_pow),
        ("chr", builtin_chr),
        ("ord", builtin_ord),
        ("hex", builtin_hex),
        ("oct", builtin_oct),
        ("bin", builtin_bin),
        ("iter", builtin_iter),
        ("next", builtin_next),
        ("callable", builtin_callable),
        ("format", builtin_format),
        ("globals", builtin_globals),
        ("locals", builtin_locals),
        ("vars", builtin_vars),
        ("dir", builtin_dir),
        ("__build_class__", crate::call::build_class),
        ("__import__", builtin_import),
        ("exit", builtin_exit),
        ("quit", builtin_exit),
    ];
    for (name, f) in funcs {
        ns.set_str(name, builtin(name, *f));
    }
}

/// `exit(code=None)` and `quit(code=None)`, which CPython's `site` module adds: they
/// raise `SystemExit(code)`.
fn builtin_exit(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let code = args.take_kw("code");
    if let Some((name, _)) = args.kw.first() {
        return Err(type_error(format!("Quitter.__call__() got an unexpected keyword argument '{name}'")));
    }
    if args.pos.len() + usize::from(code.is_some()) > 1 {
        return Err(type_error(format!(
            "Quitter.__call__() takes from 1 to 2 positional arguments but {} were given",
            args.pos.len() + 1
        )));
    }
    let code = code.or_else(|| args.pos.pop()).unwrap_or(Value::None);
    Err(crate::errors::new_exception("SystemExit", vec![code]))
}

/// The `__build_class__` builtin, for `LoadBuildClass`.
pub fn build_class_builtin() -> Value {
    static B: OnceLock<Value> = OnceLock::new();
    B.get_or_init(|| builtin("__build_class__", crate::call::build_class)).clone()
}

fn register_object_methods() {
    let t = types();
    crate::methods::add_method(&t.object, "__init__", crate::call::object_init);
    crate::methods::add_method(&t.base_exception, "__init__", |_, args| {
        if let Some(Value::Instance(inst)) = args.pos.first() {
            inst.set_attr("args", Value::tuple(args.pos[1..].to_vec()));
        }
        Ok(Value::None)
    });
    crate::methods::add_method(&t.property, "setter", |_, args| property_with(args, true));
    crate::methods::add_method(&t.property, "getter", |_, args| property_with(args, false));
    crate::methods::add_method(&t.base_exception, "with_traceback", |_, args| {
        Ok(args.pos.first().cloned().unwrap_or(Value::None))
    });
}

/// `prop.setter(f)` / `prop.getter(f)`: a copy of the property with one function replaced.
fn property_with(args: Args, setter: bool) -> PyResult<Value> {
    let (Some(this), Some(f)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(type_error("property method expects one argument"));
    };
    let Some(d) = crate::object::downcast::<DescriptorObj>(this) else {
        return Err(type_error("descriptor for 'property' objects needs a property"));
    };
    let desc = match &*d.desc.read() {
        Descriptor::Property { fget, fset } => {
            if setter {
                Descriptor::Property { fget: fget.clone(), fset: Some(f.clone()) }
            } else {
                Descriptor::Property { fget: f.clone(), fset: fset.clone() }
            }
        }
        _ => return Err(type_error("not a property")),
    };
    Ok(Value::native(DescriptorObj { desc: crate::sync::RwLock::new(desc) }))
}

/// Calling a built-in type: `int(x)`, `list(it)`, `type(x)`, ...
pub fn construct(vm: &mut Vm, cls: &Arc<Class>, args: Args) -> PyResult<Value> {
    use crate::methods::{collections, numbers, set};
    match cls.kind {
        TypeKind::Int => numbers::int_new(vm, args),
        TypeKind::Float => numbers::float_new(vm, args),
        TypeKind::Bool => numbers::bool_new(vm, args),
        TypeKind::Str => crate::methods::str::str_new(vm, args),
        TypeKind::List => collections::list_new(vm, args),
        TypeKind::Tuple => collections::tuple_new(vm, args),
        TypeKind::Dict => collections::dict_new(vm, args),
        TypeKind::Set => set::set_new(vm, args, false),
        TypeKind::FrozenSet => set::set_new(vm, args, true),
        TypeKind::Range => range_new(args),
        TypeKind::Slice => {
            let mut p = args.pos;
            let (start, stop, step) = match p.len() {
                1 => (Value::None, p.remove(0), Value::None),
                2 => (p.remove(0), p.remove(0), Value::None),
                3 => (p.remove(0), p.remove(0), p.remove(0)),
                n => return Err(arg_count_error("slice", 1, 3, n)),
            };
            Ok(Value::Slice(Arc::new(crate::value::Slice { start, stop, step })))
        }
        TypeKind::Type => match args.pos.len() {
            1 => Ok(Value::Class(class_of(&args.pos[0]))),
            _ => Err(type_error("gilvm supports only type(obj), not type(name, bases, dict)")),
        },
        TypeKind::Object => {
            if !args.pos.is_empty() {
                return Err(type_error("object() takes no arguments"));
            }
            Ok(Value::Instance(Arc::new(Instance::new(cls.clone()))))
        }
        TypeKind::Super => match args.pos.len() {
            0 => crate::attr::super_zero_args(vm),
            2 => crate::attr::super_explicit(&args.pos[0], &args.pos[1]),
            n => Err(arg_count_error("super", 0, 2, n)),
        },
        TypeKind::Descriptor => {
            let mut p = args.pos;
            let mut kw = args.kw;
            if p.is_empty() {
                if let Some(i) = kw.iter().position(|(k, _)| &**k == "fget") {
                    p.push(kw.remove(i).1);
                }
            }
            let f = p.first().cloned().ok_or_else(|| type_error(format!("{} expected 1 argument, got 0", cls.name)))?;
            let desc = match &*cls.name {
                "property" => Descriptor::Property { fget: f, fset: p.get(1).cloned() },
                "staticmethod" => Descriptor::Static(f),
                _ => Descriptor::ClassMethod(f),
            };
            Ok(Value::native(DescriptorObj { desc: crate::sync::RwLock::new(desc) }))
        }
        // Native classes of builtin modules (threading.Event, queue.Queue, ...) build their
        // objects with `__gilvm_new__(cls, *args)`.
        TypeKind::Native => match cls.lookup("__gilvm_new__") {
            Some(new) => {
                let mut a = Args::new(vec![Value::Class(cls.clone())]);
                a.pos.extend(args.pos);
                a.kw = args.kw;
                vm.call(&new, a)
            }
            None => Err(type_error(format!("cannot create '{}' instances", cls.name))),
        },
        _ => Err(type_error(format!("cannot create '{}' instances", cls.name))),
    }
}

fn range_new(args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(type_error("range() takes no keyword arguments"));
    }
    let p: Vec<i64> = args.pos.iter().map(protocol::as_int).collect::<PyResult<_>>()?;
    let (start, stop, step) = match p.len() {
        1 => (0, p[0], 1),
        2 => (p[0], p[1], 1),
        3 => (p[0], p[1], p[2]),
        0 => return Err(type_error("range expected at least 1 argument, got 0")),
        n => return Err(type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Arc::new(Range { start, stop, step })))
}

/// Checks a plain builtin's positional count.
fn want(args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len();
    if n < min || n > max {
        return Err(arg_count_error(name, min, max, n));
    }
    Ok(())
}

fn no_kw(args: &Args, name: &str) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

fn builtin_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "len", 1, 1)?;
    Ok(Value::Int(protocol::len(vm, &args.pos[0])? as i64))
}

fn builtin_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "repr", 1, 1)?;
    Ok(Value::str(protocol::repr(vm, &args.pos[0])?))
}

/// `ascii()`: `repr()` with non-ASCII characters escaped.
pub fn ascii_of(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

fn builtin_ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "ascii", 1, 1)?;
    Ok(Value::str(ascii_of(&protocol::repr(vm, &args.pos[0])?)))
}

fn builtin_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "abs", 1, 1)?;
    crate::ops::abs(vm, &args.pos[0])
}

fn min_max(vm: &mut Vm, mut args: Args, name: &str, want_less: bool) -> PyResult<Value> {
    let key = args.take_kw("key").filter(|k| !k.is_none());
    let default = args.take_kw("default");
    if let Some((k, _)) = args.kw.first() {
        return Err(type_error(format!("{name}() got an unexpected keyword argument '{k}'")));
    }
    let items = match args.pos.len() {
        0 => return Err(type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => protocol::collect(vm, &args.pos[0])?,
        _ => {
            if default.is_some() {
                return Err(type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args.pos
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call(f, Args::new(vec![item.clone()]))?,
            None => item.clone(),
        };
        best = Some(match best {
            None => (item, k),
            Some((bi, bk)) => {
                let op = if want_less { gilvm_syntax::ast::CmpOp::Lt } else { gilvm_syntax::ast::CmpOp::Gt };
                let better = protocol::compare(vm, op, &k, &bk)?;
                if truthy(vm, &better)? {
                    (item, k)
                } else {
                    (bi, bk)
                }
            }
        });
    }
    match best {
        Some((v, _)) => Ok(v),
        None => default.ok_or_else(|| value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn builtin_min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", true)
}

fn builtin_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", false)
}

fn builtin_sum(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start");
    want(&args, "sum", 1, 2)?;
    let mut acc = start.or_else(|| args.pos.get(1).cloned()).unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return Err(type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let items = protocol::collect(vm, &args.pos[0])?;
    for item in items {
        acc = match (&acc, &item) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
            _ => crate::ops::binary_op(vm, gilvm_syntax::ast::BinOp::Add, &acc, &item, false)?,
        };
    }
    Ok(acc)
}

fn builtin_sorted(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(type_error(format!("sorted expected 1 argument, got {}", args.pos.len())));
    }
    let items = protocol::collect(vm, &args.pos[0])?;
    let list = Value::list(items);
    let sort = types().list.lookup("sort").ok_or_else(|| type_error("list.sort is missing"))?;
    let kw = std::mem::take(&mut args.kw);
    vm.call(&sort, Args { pos: vec![list.clone()], kw })?;
    Ok(list)
}

fn builtin_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "reversed", 1, 1)?;
    let v = &args.pos[0];
    let items = match v {
        // Live, as CPython's list_reverseiterator: it sees items removed meanwhile.
        Value::List(l) => {
            let idx = l.len() as isize - 1;
            return Ok(crate::iter::new_iter(crate::iter::IterState::ListRev { list: l.clone(), idx }));
        }
        // Lazy: a reversed range is another range.
        Value::Range(r) => {
            let n = r.len();
            let (cur, stop) = if n == 0 {
                (r.start, r.start)
            } else {
                let last = r.start as i128 + (n as i128 - 1) * r.step as i128;
                (last as i64, (r.start as i128 - r.step as i128).clamp(i64::MIN as i128, i64::MAX as i128) as i64)
            };
            return Ok(crate::iter::new_iter(crate::iter::IterState::Range { cur, stop, step: -r.step }));
        }
        Value::Tuple(_) | Value::Str(_) => protocol::collect(vm, v)?,
        Value::Dict(d) => d.keys(),
        Value::Native(_) => match crate::object::downcast::<crate::methods::collections::DictView>(v) {
            Some(view) => view.items(),
            None => return Err(type_error(format!("'{}' object is not reversible", type_name(v)))),
        },
        Value::Instance(inst) => {
            if let Some(f) = inst.class.lookup("__reversed__") {
                return vm.call(&f, Args::new(vec![v.clone()]));
            }
            if inst.class.lookup("__len__").is_some() && inst.class.lookup("__getitem__").is_some() {
                protocol::collect(vm, v)?
            } else {
                return Err(type_error(format!("'{}' object is not reversible", type_name(v))));
            }
        }
        _ => return Err(type_error(format!("'{}' object is not reversible", type_name(v)))),
    };
    let mut items = items;
    items.reverse();
    Ok(crate::iter::new_iter(crate::iter::IterState::Values { items, idx: 0 }))
}

fn builtin_enumerate(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start");
    want(&args, "enumerate", 1, 2)?;
    let start = match start.or_else(|| args.pos.get(1).cloned()) {
        Some(v) => protocol::as_int(&v)?,
        None => 0,
    };
    let inner = crate::iter::get_iter(vm, &args.pos[0])?;
    Ok(crate::iter::new_iter(crate::iter::IterState::Enumerate { inner, count: start }))
}

fn builtin_zip(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let strict = match args.take_kw("strict") {
        Some(v) => crate::protocol::truthy(vm, &v)?,
        None => false,
    };
    no_kw(&args, "zip")?;
    let mut iters = Vec::with_capacity(args.pos.len());
    for a in &args.pos {
        iters.push(crate::iter::get_iter(vm, a)?);
    }
    Ok(crate::iter::new_iter(crate::iter::IterState::Zip { iters, strict }))
}

fn builtin_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kw(&args, "map")?;
    if args.pos.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let func = args.pos[0].clone();
    let mut iters = Vec::new();
    for a in &args.pos[1..] {
        iters.push(crate::iter::get_iter(vm, a)?);
    }
    Ok(crate::iter::new_iter(crate::iter::IterState::Map { func, iters }))
}

fn builtin_filter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kw(&args, "filter")?;
    if args.pos.len() != 2 {
        return Err(type_error(format!("filter expected 2 arguments, got {}", args.pos.len())));
    }
    let inner = crate::iter::get_iter(vm, &args.pos[1])?;
    Ok(crate::iter::new_iter(crate::iter::IterState::Filter { func: args.pos[0].clone(), inner }))
}

fn builtin_any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "any", 1, 1)?;
    let it = crate::iter::get_iter(vm, &args.pos[0])?;
    while let Some(v) = crate::iter::next(vm, &it)? {
        if truthy(vm, &v)? {
            return Ok(Value::Bool(crate::value::PyBool::TRUE));
        }
    }
    Ok(Value::Bool(crate::value::PyBool::FALSE))
}

fn builtin_all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "all", 1, 1)?;
    let it = crate::iter::get_iter(vm, &args.pos[0])?;
    while let Some(v) = crate::iter::next(vm, &it)? {
        if !truthy(vm, &v)? {
            return Ok(Value::Bool(crate::value::PyBool::FALSE));
        }
    }
    Ok(Value::Bool(crate::value::PyBool::TRUE))
}

fn class_matches(cls: &Arc<Class>, spec: &Value, fname: &str) -> PyResult<bool> {
    match spec {
        Value::Class(c) => Ok(cls.is_subclass(c)),
        Value::Tuple(t) => {
            for item in t.items.iter() {
                if class_matches(cls, item, fname)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error(format!("{fname}() arg 2 must be a type, a tuple of types, or a union"))),
    }
}

fn builtin_isinstance(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "isinstance", 2, 2)?;
    Ok(Value::bool(class_matches(&class_of(&args.pos[0]), &args.pos[1], "isinstance")?))
}

fn builtin_issubclass(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "issubclass", 2, 2)?;
    let Value::Class(c) = &args.pos[0] else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    Ok(Value::bool(class_matches(c, &args.pos[1], "issubclass")?))
}

fn attr_name(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        other => Err(type_error(format!("attribute name must be string, not '{}'", type_name(other)))),
    }
}

fn builtin_hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "hasattr", 2, 2)?;
    let name = attr_name(&args.pos[1])?;
    match crate::attr::get_attr(vm, &args.pos[0], &name) {
        Ok(_) => Ok(Value::Bool(crate::value::PyBool::TRUE)),
        Err(e) if e.matches("AttributeError") => Ok(Value::Bool(crate::value::PyBool::FALSE)),
        Err(e) => Err(e),
    }
}

fn builtin_getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "getattr", 2, 3)?;
    let name = attr_name(&args.pos[1])?;
    match crate::attr::get_attr(vm, &args.pos[0], &name) {
        Err(e) if e.matches("AttributeError") && args.pos.len() == 3 => Ok(args.pos[2].clone()),
        r => r,
    }
}

fn builtin_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "setattr", 3, 3)?;
    let name = attr_name(&args.pos[1])?;
    crate::attr::set_attr(vm, &args.pos[0], &name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn builtin_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "delattr", 2, 2)?;
    let name = attr_name(&args.pos[1])?;
    crate::attr::del_attr(vm, &args.pos[0], &name)?;
    Ok(Value::None)
}

fn builtin_id(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "id", 1, 1)?;
    let v = &args.pos[0];
    let id = match v.heap_ptr() {
        Some(p) => p as i64,
        None => {
            // Immediates: a stable value per (kind, payload), as CPython's cached objects.
            let h = crate::dict::builtin_hash(v).unwrap_or(0) as i64;
            let tag = match v {
                Value::None => 1,
                Value::Bool(_) => 2,
                Value::Int(_) => 3,
                Value::Float(_) => 4,
                _ => 5,
            };
            (0x7f00_0000_0000i64 + tag * 0x1_0000_0000 + (h & 0xffff_ffff)) & i64::MAX
        }
    };
    Ok(Value::Int(id))
}

fn builtin_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "hash", 1, 1)?;
    let k = protocol::hkey(vm, &args.pos[0])?;
    Ok(Value::Int(k.hash as i64))
}

fn builtin_round(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let nd = args.take_kw("ndigits");
    want(&args, "round", 1, 2)?;
    let x = &args.pos[0];
    let ndigits = nd.or_else(|| args.pos.get(1).cloned()).filter(|v| !v.is_none());
    match x {
        Value::Float(f) => match ndigits {
            None => {
                if f.get().is_nan() {
                    return Err(value_error("cannot convert float NaN to integer"));
                }
                if f.get().is_infinite() {
                    return Err(crate::errors::overflow_error("cannot convert float infinity to integer"));
                }
                let r = f.get().round_ties_even();
                Ok(match num_traits::FromPrimitive::from_f64(r) {
                    Some(b) => Value::from_bigint(b),
                    None => Value::Int(0),
                })
            }
            Some(n) => {
                let n = protocol::as_int(&n)?;
                Ok(Value::float(round_float(f.get(), n)))
            }
        },
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let i = to_bigint(x).unwrap_or_default();
            match ndigits {
                None => Ok(Value::from_bigint(i)),
                Some(n) => {
                    let n = protocol::as_int(&n)?;
                    if n >= 0 {
                        return Ok(Value::from_bigint(i));
                    }
                    let p = num_traits::pow(BigInt::from(10), (-n).min(4000) as usize);
                    let (q, r) = num_integer::Integer::div_mod_floor(&i, &p);
                    let twice = &r * 2;
                    let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) { q + 1 } else { q };
                    Ok(Value::from_bigint(q * p))
                }
            }
        }
        Value::Instance(inst) => match inst.class.lookup("__round__") {
            Some(f) => {
                let mut a = vec![x.clone()];
                a.extend(ndigits);
                vm.call(&f, Args::new(a))
            }
            None => Err(type_error(format!("type {} doesn't define __round__ method", type_name(x)))),
        },
        _ => Err(type_error(format!("type {} doesn't define __round__ method", type_name(x)))),
    }
}

/// `round(x, n)` for floats: correctly rounded through the exact decimal expansion.
fn round_float(x: f64, n: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if n > 330 {
        return x;
    }
    if n >= 0 {
        let s = format!("{:.*}", n as usize, x);
        return s.parse().unwrap_or(x);
    }
    if n < -330 {
        return 0.0f64.copysign(x);
    }
    let p = 10f64.powi((-n) as i32);
    let y = x / p;
    let r = y.round_ties_even() * p;
    if r.is_infinite() {
        x
    } else {
        r
    }
}

fn builtin_divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "divmod", 2, 2)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    if let Value::Instance(inst) = a {
        if let Some(f) = inst.class.lookup("__divmod__") {
            return vm.call(&f, Args::new(vec![a.clone(), b.clone()]));
        }
    }
    let q = crate::ops::binary_op(vm, gilvm_syntax::ast::BinOp::FloorDiv, a, b, false);
    let q = match q {
        Err(e) if e.matches("TypeError") => {
            return Err(type_error(format!(
                "unsupported operand type(s) for divmod(): '{}' and '{}'",
                type_name(a),
                type_name(b)
            )))
        }
        other => other?,
    };
    let r = crate::ops::binary_op(vm, gilvm_syntax::ast::BinOp::Mod, a, b, false)?;
    Ok(Value::tuple(vec![q, r]))
}

fn builtin_pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "pow", 2, 3)?;
    if args.pos.len() == 3 && !args.pos[2].is_none() {
        let (Some(b), Some(e), Some(m)) = (to_bigint(&args.pos[0]), to_bigint(&args.pos[1]), to_bigint(&args.pos[2]))
        else {
            return Err(type_error("pow() 3rd argument not allowed unless all arguments are integers"));
        };
        if m.is_zero() {
            return Err(value_error("pow() 3rd argument cannot be 0"));
        }
        // CPython's long_pow: work modulo |m|, invert the base for a negative exponent, and
        // shift the result into (m, 0] for a negative modulus.
        let modulus = m.abs();
        if modulus == BigInt::from(1) {
            return Ok(Value::Int(0));
        }
        let mut base = num_integer::Integer::mod_floor(&b, &modulus);
        let mut exp = e;
        if exp.is_negative() {
            let g = num_integer::Integer::extended_gcd(&base, &modulus);
            if g.gcd != BigInt::from(1) {
                return Err(value_error("base is not invertible for the given modulus"));
            }
            base = num_integer::Integer::mod_floor(&g.x, &modulus);
            exp = -exp;
        }
        let r = base.modpow(&exp, &modulus);
        let r = if m.is_negative() && !r.is_zero() { r - &modulus } else { r };
        return Ok(Value::from_bigint(r));
    }
    crate::ops::binary_op(vm, gilvm_syntax::ast::BinOp::Pow, &args.pos[0], &args.pos[1], false)
}

fn builtin_chr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "chr", 1, 1)?;
    let i = protocol::as_int(&args.pos[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::str(c.to_string())),
        None if (0..0x110000).contains(&i) => Ok(Value::str("\u{fffd}")),
        None => Err(value_error("chr() arg not in range(0x110000)")),
    }
}

fn builtin_ord(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "ord", 1, 1)?;
    match &args.pos[0] {
        Value::Str(s) => {
            let mut chars = s.as_str().chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => {
                    Err(type_error(format!("ord() expected a character, but string of length {} found", s.char_len())))
                }
            }
        }
        other => Err(type_error(format!("ord() expected string of length 1, but {} found", type_name(other)))),
    }
}

fn radix(args: &Args, name: &str, prefix: &str, base: u32) -> PyResult<Value> {
    want(args, name, 1, 1)?;
    let Some(i) = to_bigint(&args.pos[0]) else {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(&args.pos[0]))));
    };
    let digits = i.magnitude().to_str_radix(base);
    Ok(Value::str(if i.is_negative() { format!("-{prefix}{digits}") } else { format!("{prefix}{digits}") }))
}

fn builtin_hex(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(&args, "hex", "0x", 16)
}

fn builtin_oct(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(&args, "oct", "0o", 8)
}

fn builtin_bin(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(&args, "bin", "0b", 2)
}

fn builtin_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "iter", 1, 2)?;
    if let [func, sentinel] = args.pos.as_slice() {
        if !is_callable(func) {
            return Err(type_error("iter(v, w): v must be callable"));
        }
        let state = crate::iter::IterState::Callable { func: func.clone(), sentinel: sentinel.clone() };
        return Ok(crate::iter::new_iter(state));
    }
    crate::iter::get_iter(vm, &args.pos[0])
}

fn builtin_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "next", 1, 2)?;
    let it = &args.pos[0];
    if !matches!(it, Value::Iter(_) | Value::Instance(_) | Value::Native(_)) {
        return Err(type_error(format!("'{}' object is not an iterator", type_name(it))));
    }
    // A generator's return value rides on the StopIteration.
    let (item, returned) = match crate::generator::as_generator(it) {
        Some(g) => match crate::generator::resume(vm, g, Value::None, None)? {
            crate::generator::Resumed::Yielded(v) => (Some(v), Value::None),
            crate::generator::Resumed::Returned(r) => (None, r),
        },
        None => (crate::iter::next(vm, it)?, Value::None),
    };
    match item {
        Some(v) => Ok(v),
        None => match args.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(crate::generator::stop_iteration(returned)),
        },
    }
}

fn builtin_callable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "callable", 1, 1)?;
    Ok(Value::bool(is_callable(&args.pos[0])))
}

pub fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::Instance(inst) => inst.class.lookup("__call__").is_some(),
        Value::Native(_) => crate::object::downcast::<crate::object::DescriptorObj>(v)
            .is_some_and(|d| matches!(&*d.desc.read(), crate::object::Descriptor::Static(_))),
        _ => false,
    }
}

fn builtin_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "format", 1, 2)?;
    let spec = match args.pos.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => return Err(type_error(format!("format() argument 2 must be str, not {}", type_name(other)))),
        None => String::new(),
    };
    Ok(Value::str(crate::methods::str::format_value(vm, &args.pos[0], &spec)?))
}

fn builtin_globals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    match vm.current_globals() {
        Some(g) => Ok(Value::Dict(g)),
        None => Ok(Value::Dict(Arc::new(Dict::new()))),
    }
}

fn builtin_locals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let Some(frame) = vm.frames.last() else {
        return Ok(Value::Dict(Arc::new(Dict::new())));
    };
    if let Some(ns) = &frame.ns {
        return Ok(Value::Dict(ns.clone()));
    }
    if frame.func.code.co.kind == gilvm_compiler::CodeKind::Module {
        return Ok(Value::Dict(frame.func.globals.clone()));
    }
    let d = Dict::new();
    for (i, name) in frame.func.code.co.varnames.iter().enumerate() {
        let v = &vm.stack[frame.base + i];
        if !matches!(v, Value::Unbound) {
            d.set_str(name, v.clone());
        }
    }
    Ok(Value::Dict(Arc::new(d)))
}

fn builtin_vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "vars", 0, 1)?;
    match args.pos.first() {
        None => builtin_locals(vm, args),
        Some(v) => crate::attr::get_attr(vm, v, "__dict__")
            .map_err(|_| type_error("vars() argument must have __dict__ attribute")),
    }
}

fn builtin_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "dir", 0, 1)?;
    let names: Vec<String> = match args.pos.first() {
        None => {
            let mut names: Vec<String> = match vm.frames.last() {
                Some(f) => f.func.globals.keys().iter().filter_map(|k| k.as_str().map(String::from)).collect(),
                None => Vec::new(),
            };
            names.sort();
            names
        }
        Some(v) => dir_names(vm, v),
    };
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}

/// `dir(v)`: the sorted attribute names of `v`.
pub fn dir_names(_vm: &mut Vm, v: &Value) -> Vec<String> {
    let mut names: Vec<String> = match v {
        Value::Module(m) => m.dict.keys().iter().filter_map(|k| k.as_str().map(String::from)).collect(),
        v => {
            let mut out: Vec<String> = Vec::new();
            if let Value::Instance(inst) = v {
                out.extend(inst.dict.lock().keys().map(|k| k.to_string()));
            }
            let cls = match v {
                Value::Class(c) => c.clone(),
                other => class_of(other),
            };
            for c in cls.mro() {
                out.extend(c.dict.read().keys().map(|k| k.to_string()));
            }
            out
        }
    };
    names.sort();
    names.dedup();
    names
}

fn builtin_import(vm: &mut Vm, args: Args) -> PyResult<Value> {
    want(&args, "__import__", 1, 5)?;
    match &args.pos[0] {
        Value::Str(s) => crate::modules::import(vm, s.as_str()),
        other => Err(type_error(format!("__import__() argument 1 must be str, not {}", type_name(other)))),
    }
}

#[allow(dead_code)]
fn _unused(b: &BigInt) -> Option<i64> {
    b.to_i64()
}
