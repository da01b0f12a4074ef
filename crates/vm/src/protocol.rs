//! The object protocols every value takes part in: type, truth, `repr`/`str`, equality
//! and ordering, hashing, `len`, `in`, and subscripting.

use std::sync::Arc;

use num_bigint::BigInt;

use crate::dict::HKey;
use crate::errors::{index_error, key_error, type_error, PyResult};
use crate::format::float_repr;
use crate::object::{Args, Class, TypeKind};
use crate::ops::type_name;
use crate::types::types;
use crate::value::Value;
use crate::vm::Vm;

mod compare;
pub use compare::{compare, eq, num_cmp};

/// The class of any value.
pub fn class_of(v: &Value) -> Arc<Class> {
    let t = types();
    match v {
        Value::None | Value::Unbound => t.none.clone(),
        Value::Bool(_) => t.bool.clone(),
        Value::Int(_) | Value::BigInt(_) => t.int.clone(),
        Value::Float(_) => t.float.clone(),
        Value::Str(_) => t.str.clone(),
        Value::Tuple(_) => t.tuple.clone(),
        Value::List(_) => t.list.clone(),
        Value::Dict(_) => t.dict.clone(),
        Value::Set(s) => {
            if s.frozen {
                t.frozenset.clone()
            } else {
                t.set.clone()
            }
        }
        Value::Range(_) => t.range.clone(),
        Value::Slice(_) => t.slice.clone(),
        Value::Function(_) => t.function.clone(),
        Value::Builtin(_) => t.builtin_function.clone(),
        Value::BoundMethod(_) => t.method.clone(),
        Value::Class(_) => t.type_.clone(),
        Value::Instance(i) => i.class.clone(),
        Value::Module(_) => t.module.clone(),
        Value::Iter(_) => t.iterator.clone(),
        Value::Native(n) => n.class(),
        Value::Code(_) => t.code.clone(),
        Value::Cell(_) => t.cell.clone(),
        Value::Ellipsis => t.ellipsis.clone(),
        Value::NotImplemented => t.not_implemented.clone(),
    }
}

/// Looks up a special method on an instance's class.
fn special(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Instance(inst) => inst.class.lookup(name),
        _ => None,
    }
}

/// `bool(v)`.
pub fn truthy(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(match v {
        Value::None => false,
        Value::Bool(b) => b.get(),
        Value::Int(i) => *i != 0,
        Value::BigInt(_) => true,
        Value::Float(f) => f.get() != 0.0,
        Value::Str(s) => !s.as_str().is_empty(),
        Value::List(l) => !l.is_empty(),
        Value::Tuple(t) => !t.items.is_empty(),
        Value::Dict(d) => !d.is_empty(),
        Value::Set(s) => !s.is_empty(),
        Value::Range(r) => !r.is_empty(),
        Value::Instance(inst) => {
            if let Some(f) = inst.class.lookup("__bool__") {
                match vm.call(&f, Args::new(vec![v.clone()]))? {
                    Value::Bool(b) => b.get(),
                    other => {
                        return Err(type_error(format!("__bool__ should return bool, returned {}", type_name(&other))))
                    }
                }
            } else if inst.class.lookup("__len__").is_some() {
                len(vm, v)? != 0
            } else {
                true
            }
        }
        _ => true,
    })
}

/// `repr(v)`.
pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::None => "None".into(),
        Value::Bool(b) => if b.get() { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => bigint_to_str(b)?,
        Value::Float(f) => float_repr(f.get()),
        Value::Str(s) => gilvm_compiler::dis::str_repr(s.as_str()),
        Value::List(l) => {
            let items = l.snapshot();
            return guarded(vm, v, "[...]", |vm| Ok(format!("[{}]", join_reprs(vm, &items)?)));
        }
        Value::Tuple(t) => {
            let items = t.items.to_vec();
            return guarded(vm, v, "(...)", |vm| {
                Ok(if items.len() == 1 {
                    format!("({},)", repr(vm, &items[0])?)
                } else {
                    format!("({})", join_reprs(vm, &items)?)
                })
            });
        }
        Value::Dict(d) => {
            let items = d.items();
            return guarded(vm, v, "{...}", |vm| {
                let mut parts = Vec::with_capacity(items.len());
                for (k, val) in &items {
                    parts.push(format!("{}: {}", repr(vm, k)?, repr(vm, val)?));
                }
                Ok(format!("{{{}}}", parts.join(", ")))
            });
        }
        Value::Set(s) => {
            let items = s.values();
            let name = if s.frozen { "frozenset" } else { "set" };
            if items.is_empty() {
                return Ok(format!("{name}()"));
            }
            let body = format!("{{{}}}", join_reprs(vm, &items)?);
            if s.frozen {
                format!("frozenset({body})")
            } else {
                body
            }
        }
        Value::Range(r) => {
            if r.step == 1 {
                format!("range({}, {})", r.start, r.stop)
            } else {
                format!("range({}, {}, {})", r.start, r.stop, r.step)
            }
        }
        Value::Slice(s) => {
            format!("slice({}, {}, {})", repr(vm, &s.start)?, repr(vm, &s.stop)?, repr(vm, &s.step)?)
        }
        Value::Function(f) => format!("<function {} at {:#x}>", f.qualname, v.heap_ptr().unwrap_or(0)),
        Value::Builtin(b) => match b.owner {
            Some(owner) => format!("<method '{}' of '{}' objects>", b.name, owner),
            None => format!("<built-in function {}>", b.name),
        },
        Value::BoundMethod(m) => {
            let fname = match &m.func {
                Value::Function(f) => f.qualname.to_string(),
                Value::Builtin(b) => b.name.to_string(),
                other => type_name(other),
            };
            if let Value::Builtin(b) = &m.func {
                format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    type_name(&m.receiver),
                    m.receiver.heap_ptr().unwrap_or(0)
                )
            } else {
                let r = repr(vm, &m.receiver)?;
                format!("<bound method {fname} of {r}>")
            }
        }
        Value::Class(c) => c.repr(),
        Value::Module(m) => format!("<module '{}' (built-in)>", m.name),
        Value::Instance(inst) => {
            if let Some(f) = inst.class.lookup("__repr__") {
                return repr_result(vm, &f, v, "__repr__");
            }
            if inst.class.kind == TypeKind::Exception {
                return exception_repr(vm, v);
            }
            default_repr(v)
        }
        Value::Native(_) if crate::methods::collections::view_repr(vm, v).is_some() => {
            return crate::methods::collections::view_repr(vm, v).unwrap_or_else(|| Ok(String::new()));
        }
        Value::Native(n) => match n.repr() {
            Some(r) => r,
            None => default_repr(v),
        },
        Value::Iter(_) => format!("<iterator object at {:#x}>", v.heap_ptr().unwrap_or(0)),
        Value::Code(c) => format!("<code object {}>", c.co.name),
        Value::Cell(_) => format!("<cell at {:#x}>", v.heap_ptr().unwrap_or(0)),
        Value::Ellipsis => "Ellipsis".into(),
        Value::NotImplemented => "NotImplemented".into(),
        Value::Unbound => "<unbound>".into(),
    })
}

/// Converts a big int to decimal, with CPython's limit on digits.
pub fn bigint_to_str(b: &BigInt) -> PyResult<String> {
    if b.bits() > 14_000 {
        // CPython 3.11 refuses above 4300 digits (about 14,284 bits).
        let s = b.to_string();
        let digits = s.trim_start_matches('-').len();
        if digits > 4300 {
            return Err(crate::errors::value_error(
                "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            ));
        }
        return Ok(s);
    }
    Ok(b.to_string())
}

fn default_repr(v: &Value) -> String {
    let cls = class_of(v);
    let name =
        if &*cls.module == "builtins" { cls.qualname.to_string() } else { format!("{}.{}", cls.module, cls.qualname) };
    format!("<{} object at {:#x}>", name, v.heap_ptr().unwrap_or(0))
}

fn repr_result(vm: &mut Vm, f: &Value, v: &Value, what: &str) -> PyResult<String> {
    match vm.call(f, Args::new(vec![v.clone()]))? {
        Value::Str(s) => Ok(s.as_str().to_string()),
        other => Err(type_error(format!("{what} returned non-string (type {})", type_name(&other)))),
    }
}

fn exception_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let Value::Instance(inst) = v else {
        return Ok(String::new());
    };
    let args = exception_args(v);
    let inner = if args.len() == 1 { repr(vm, &args[0])? } else { join_reprs(vm, &args)? };
    Ok(format!("{}({})", inst.class.name, inner))
}

/// The `args` tuple of an exception instance.
pub fn exception_args(v: &Value) -> Vec<Value> {
    match v {
        Value::Instance(inst) => match inst.get_attr("args") {
            Some(Value::Tuple(t)) => t.items.to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Runs `f` unless `v` is already being repr'd further up (then returns `dots`).
fn guarded(vm: &mut Vm, v: &Value, dots: &str, f: impl FnOnce(&mut Vm) -> PyResult<String>) -> PyResult<String> {
    let ptr = v.heap_ptr().unwrap_or(0);
    if vm.repr_guard.contains(&ptr) {
        return Ok(dots.to_string());
    }
    nested(vm, " while getting the repr of an object", |vm| {
        vm.repr_guard.push(ptr);
        let r = f(vm);
        vm.repr_guard.pop();
        r
    })
}

/// Runs `f` one level deeper in a native recursion (repr or comparison of nested
/// containers), which counts against the recursion limit like a Python frame, so
/// deeply nested data raises RecursionError instead of overflowing the native stack.
fn nested<T>(vm: &mut Vm, what: &str, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    if vm.frames.len() + vm.native_depth >= vm.recursion_limit || vm.native_stack_exhausted() {
        return Err(crate::errors::exc("RecursionError", format!("maximum recursion depth exceeded{what}")));
    }
    vm.native_depth += 1;
    let r = f(vm);
    vm.native_depth -= 1;
    r
}

fn join_reprs(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr(vm, item)?);
    }
    Ok(out)
}

/// `str(v)`.
pub fn str(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Instance(inst) => {
            if let Some(f) = inst.class.lookup("__str__") {
                return repr_result(vm, &f, v, "__str__");
            }
            if inst.class.kind == TypeKind::Exception {
                return exception_str(vm, v);
            }
            repr(vm, v)
        }
        _ => repr(vm, v),
    }
}

/// `BaseException.__str__`: the text of an exception, ignoring any user `__str__`.
pub fn exception_str(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let Value::Instance(inst) = v else {
        return repr(vm, v);
    };
    let args = exception_args(v);
    if inst.class.is_subclass(&types().exc("OSError")) && args.len() >= 2 {
        let mut msg = format!("[Errno {}] {}", str(vm, &args[0])?, str(vm, &args[1])?);
        if let Some(f) = inst.get_attr("filename").filter(|f| !f.is_none()) {
            msg.push_str(&format!(": {}", repr(vm, &f)?));
        }
        return Ok(msg);
    }
    match args.len() {
        0 => Ok(String::new()),
        1 => {
            if inst.class.is_subclass(&types().exc("KeyError")) {
                repr(vm, &args[0])
            } else {
                str(vm, &args[0])
            }
        }
        _ => repr(vm, &Value::tuple(args)),
    }
}

/// `object.__repr__` (`<module.Class object at 0x...>`), or `BaseException.__repr__`,
/// ignoring any user `__repr__`.
pub fn object_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Instance(inst) if inst.class.kind == TypeKind::Exception => exception_repr(vm, v),
        Value::Instance(_) => Ok(default_repr(v)),
        // Built-in values reach this only when their type has no `__repr__` of its own.
        _ => repr(vm, v),
    }
}

/// The dict key for `v`, calling `__hash__` for user classes.
pub fn hkey(vm: &mut Vm, v: &Value) -> PyResult<HKey> {
    if let Some(k) = HKey::builtin(v) {
        return Ok(k);
    }
    match v {
        Value::Instance(inst) => {
            if let Some(f) = inst.class.lookup("__hash__") {
                if f.is_none() {
                    return Err(unhashable(v));
                }
                let h = vm.call(&f, Args::new(vec![v.clone()]))?;
                let hash = match h {
                    Value::Int(i) => i as u64,
                    Value::BigInt(b) => crate::dict::hash_bigint(&b) as u64,
                    Value::Bool(b) => b.get() as u64,
                    _ => return Err(type_error("__hash__ method should return an integer")),
                };
                return Ok(HKey { hash, key: v.clone() });
            }
            if inst.class.lookup("__eq__").is_some() {
                return Err(unhashable(v));
            }
            Ok(HKey { hash: (v.heap_ptr().unwrap_or(0) >> 4) as u64, key: v.clone() })
        }
        Value::Tuple(t) => {
            // A tuple holding user objects: hash its items through Python.
            let mut hashes = Vec::with_capacity(t.items.len());
            for item in t.items.iter() {
                hashes.push(hkey(vm, item)?.hash);
            }
            let acc = crate::dict::tuple_hash(&hashes);
            Ok(HKey { hash: acc, key: v.clone() })
        }
        _ => Err(unhashable(v)),
    }
}

/// Whether equality of `v` with other keys needs Python code (a user `__eq__`).
pub fn needs_python_eq(v: &Value) -> bool {
    match v {
        Value::Instance(inst) => inst.class.lookup("__eq__").is_some(),
        Value::Tuple(t) => t.items.iter().any(needs_python_eq),
        _ => false,
    }
}

/// Resolves `k` against `candidates` with Python's `==` (no container lock is held).
fn resolve_key(vm: &mut Vm, k: HKey, candidates: Vec<HKey>) -> PyResult<HKey> {
    for c in candidates {
        if c.key.is(&k.key) || eq(vm, &c.key, &k.key)? {
            return Ok(c);
        }
    }
    Ok(k)
}

/// The key for `v` in `dict`: an existing equal key when equality is user-defined, so
/// that `d[Point(1, 2)]` finds an entry stored under another, equal `Point(1, 2)`.
pub fn dict_key(vm: &mut Vm, dict: &crate::dict::Dict, v: &Value) -> PyResult<HKey> {
    let k = hkey(vm, v)?;
    if !needs_python_eq(v) {
        return Ok(k);
    }
    let candidates = dict.same_hash_keys(k.hash);
    resolve_key(vm, k, candidates)
}

/// The key for `v` in `set` (see [`dict_key`]).
pub fn set_key(vm: &mut Vm, set: &crate::set::Set, v: &Value) -> PyResult<HKey> {
    let k = hkey(vm, v)?;
    if !needs_python_eq(v) {
        return Ok(k);
    }
    let candidates = set.table.lock().same_hash_keys(k.hash);
    resolve_key(vm, k, candidates)
}

/// The key used to look `v` up in `set` (`in`, `remove`, `discard`): as in CPython, a
/// mutable set is looked up as the equal frozenset.
pub fn set_probe_key(vm: &mut Vm, set: &crate::set::Set, v: &Value) -> PyResult<HKey> {
    if let Value::Set(s) = v {
        if !s.frozen {
            let hash = crate::methods::set::frozenset_hash(&s.table.lock());
            return Ok(HKey { hash, key: v.clone() });
        }
    }
    set_key(vm, set, v)
}

/// The key for `v` in a set table being built.
pub fn table_key(vm: &mut Vm, table: &crate::set::SetTable, v: &Value) -> PyResult<HKey> {
    let k = hkey(vm, v)?;
    if !needs_python_eq(v) {
        return Ok(k);
    }
    let candidates = table.same_hash_keys(k.hash);
    resolve_key(vm, k, candidates)
}

fn unhashable(v: &Value) -> crate::errors::PyErr {
    type_error(format!("unhashable type: '{}'", type_name(v)))
}

/// `len(v)`.
pub fn len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(match v {
        Value::Str(s) => s.char_len(),
        Value::List(l) => l.len(),
        Value::Tuple(t) => t.items.len(),
        Value::Dict(d) => d.len(),
        Value::Set(s) => s.len(),
        Value::Range(r) => r.len() as usize,
        Value::Native(_) if crate::methods::collections::view_len(v).is_some() => {
            crate::methods::collections::view_len(v).unwrap_or(0)
        }
        Value::Instance(inst) => match inst.class.lookup("__len__") {
            Some(f) => {
                let r = vm.call(&f, Args::new(vec![v.clone()]))?;
                match r {
                    Value::Int(i) if i >= 0 => i as usize,
                    Value::Int(_) => return Err(crate::errors::value_error("__len__() should return >= 0")),
                    Value::Bool(b) => b.get() as usize,
                    other => {
                        return Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(&other)
                        )))
                    }
                }
            }
            None => return Err(type_error(format!("object of type '{}' has no len()", type_name(v)))),
        },
        _ => return Err(type_error(format!("object of type '{}' has no len()", type_name(v)))),
    })
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    Ok(match container {
        Value::Str(s) => match item {
            Value::Str(sub) => s.as_str().contains(sub.as_str()),
            other => {
                return Err(type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    type_name(other)
                )))
            }
        },
        Value::List(l) => {
            let items = l.snapshot();
            for x in &items {
                if x.is(item) || eq(vm, x, item)? {
                    return Ok(true);
                }
            }
            false
        }
        Value::Tuple(t) => {
            for x in t.items.iter() {
                if x.is(item) || eq(vm, x, item)? {
                    return Ok(true);
                }
            }
            false
        }
        Value::Dict(d) => {
            let k = dict_key(vm, d, item)?;
            d.get(&k).is_some()
        }
        Value::Set(s) => {
            let k = set_probe_key(vm, s, item)?;
            let found = s.table.lock().contains(&k);
            found
        }
        Value::Native(_) => {
            if let Some(r) = crate::methods::collections::view_contains(vm, container, item) {
                return r;
            }
            return Err(type_error(format!("argument of type '{}' is not iterable", type_name(container))));
        }
        Value::Range(r) => match item {
            Value::Int(i) => {
                let n = r.len();
                n > 0 && (i - r.start) % r.step == 0 && {
                    let idx = (i - r.start) / r.step;
                    idx >= 0 && idx < n
                }
            }
            _ => false,
        },
        Value::Instance(inst) => {
            if let Some(f) = inst.class.lookup("__contains__") {
                let r = vm.call(&f, Args::new(vec![container.clone(), item.clone()]))?;
                return truthy(vm, &r);
            }
            if inst.class.lookup("__iter__").is_some() || inst.class.lookup("__getitem__").is_some() {
                let it = crate::iter::get_iter(vm, container)?;
                while let Some(x) = crate::iter::next(vm, &it)? {
                    if x.is(item) || eq(vm, &x, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            return Err(type_error(format!("argument of type '{}' is not iterable", type_name(container))));
        }
        Value::Iter(_) => {
            while let Some(x) = crate::iter::next(vm, container)? {
                if x.is(item) || eq(vm, &x, item)? {
                    return Ok(true);
                }
            }
            false
        }
        _ => return Err(type_error(format!("argument of type '{}' is not iterable", type_name(container)))),
    })
}

/// Converts an index value to i64 (bools count; `__index__` for user classes).
pub fn index_value(v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(b.get() as i64),
        Value::BigInt(_) => Err(index_error(format!("cannot fit 'int' into an index-sized integer"))),
        other => Err(type_error(format!("{what} indices must be integers or slices, not {}", type_name(other)))),
    }
}

/// Resolves a possibly negative index against `len`; `None` when out of range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let j = if i < 0 { i + len } else { i };
    (0..len).contains(&j).then_some(j as usize)
}

/// `container[key]`.
pub fn getitem(vm: &mut Vm, container: &Value, key: &Value) -> PyResult<Value> {
    match container {
        Value::List(l) => {
            if let Value::Slice(s) = key {
                let items = l.snapshot();
                let idx = crate::methods::seq::slice_indices(vm, s, items.len())?;
                return Ok(Value::list(idx.into_iter().map(|i| items[i].clone()).collect()));
            }
            let i = index_value(key, "list")?;
            let items = l.items.lock();
            match norm_index(i, items.len()) {
                Some(j) => Ok(items[j].clone()),
                None => Err(index_error("list index out of range")),
            }
        }
        Value::Tuple(t) => {
            if let Value::Slice(s) = key {
                let idx = crate::methods::seq::slice_indices(vm, s, t.items.len())?;
                return Ok(Value::tuple(idx.into_iter().map(|i| t.items[i].clone()).collect()));
            }
            let i = index_value(key, "tuple")?;
            match norm_index(i, t.items.len()) {
                Some(j) => Ok(t.items[j].clone()),
                None => Err(index_error("tuple index out of range")),
            }
        }
        Value::Str(s) => crate::methods::str::str_getitem(vm, s, key),
        Value::Dict(d) => {
            let k = dict_key(vm, d, key)?;
            match d.get(&k) {
                Some(v) => Ok(v),
                None => Err(key_error(key.clone())),
            }
        }
        Value::Range(r) => {
            if let Value::Slice(s) = key {
                // CPython's `compute_slice`: a slice of a range is a range.
                let (start, stop, step) = crate::methods::seq::slice_unpack(vm, s)?;
                let (start, stop, step, _) = crate::methods::seq::slice_adjust(r.len() as usize, start, stop, step);
                let at = |i: i64| (r.start as i128) + (i as i128) * (r.step as i128);
                let fit = |v: i128| {
                    i64::try_from(v)
                        .map_err(|_| crate::errors::overflow_error("Python int too large to convert to C ssize_t"))
                };
                return Ok(Value::Range(Arc::new(crate::value::Range {
                    start: fit(at(start))?,
                    stop: fit(at(stop))?,
                    step: fit(step as i128 * r.step as i128)?,
                })));
            }
            let i = index_value(key, "range")?;
            match norm_index(i, r.len() as usize) {
                Some(j) => Ok(Value::Int(r.get(j as i64))),
                None => Err(index_error("range object index out of range")),
            }
        }
        Value::Instance(inst) => match inst.class.lookup("__getitem__") {
            Some(f) => vm.call(&f, Args::new(vec![container.clone(), key.clone()])),
            None => Err(type_error(format!("'{}' object is not subscriptable", type_name(container)))),
        },
        Value::Class(c) if c.kind != TypeKind::Object => Ok(container.clone()),
        _ => Err(type_error(format!("'{}' object is not subscriptable", type_name(container)))),
    }
}

/// `container[key] = value`.
pub fn setitem(vm: &mut Vm, container: &Value, key: &Value, value: Value) -> PyResult<()> {
    match container {
        Value::List(l) => {
            if let Value::Slice(s) = key {
                let new_items = collect(vm, &value)?;
                return crate::methods::seq::list_set_slice(vm, l, s, new_items);
            }
            let i = index_value(key, "list")?;
            let mut items = l.items.lock();
            match norm_index(i, items.len()) {
                Some(j) => {
                    items[j] = value;
                    Ok(())
                }
                None => Err(index_error("list assignment index out of range")),
            }
        }
        Value::Dict(d) => {
            let k = dict_key(vm, d, key)?;
            d.insert(k, value);
            Ok(())
        }
        Value::Instance(inst) => match inst.class.lookup("__setitem__") {
            Some(f) => vm.call(&f, Args::new(vec![container.clone(), key.clone(), value])).map(|_| ()),
            None => Err(type_error(format!("'{}' object does not support item assignment", type_name(container)))),
        },
        _ => Err(type_error(format!("'{}' object does not support item assignment", type_name(container)))),
    }
}

/// `del container[key]`.
pub fn delitem(vm: &mut Vm, container: &Value, key: &Value) -> PyResult<()> {
    match container {
        Value::List(l) => {
            if let Value::Slice(s) = key {
                let n = l.len();
                let mut idx = crate::methods::seq::slice_indices(vm, s, n)?;
                idx.sort_unstable();
                let mut items = l.items.lock();
                for i in idx.into_iter().rev() {
                    items.remove(i);
                }
                return Ok(());
            }
            let i = index_value(key, "list")?;
            let mut items = l.items.lock();
            match norm_index(i, items.len()) {
                Some(j) => {
                    items.remove(j);
                    Ok(())
                }
                None => Err(index_error("list assignment index out of range")),
            }
        }
        Value::Dict(d) => {
            let k = dict_key(vm, d, key)?;
            match d.remove(&k) {
                Some(_) => Ok(()),
                None => Err(key_error(key.clone())),
            }
        }
        Value::Instance(inst) => match inst.class.lookup("__delitem__") {
            Some(f) => vm.call(&f, Args::new(vec![container.clone(), key.clone()])).map(|_| ()),
            None => Err(type_error(format!("'{}' object doesn't support item deletion", type_name(container)))),
        },
        _ => Err(type_error(format!("'{}' object doesn't support item deletion", type_name(container)))),
    }
}

/// Collects any iterable into a Vec.
pub fn collect(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => Ok(l.snapshot()),
        Value::Tuple(t) => Ok(t.items.to_vec()),
        Value::Range(r) => {
            // Sized up front, as CPython's length hint does: a range too long to hold
            // is a MemoryError now, not an abort once memory runs out.
            let n = usize::try_from(r.len()).unwrap_or(0);
            let mut out = Vec::new();
            out.try_reserve_exact(n).map_err(|_| crate::errors::memory_error())?;
            out.extend((0..n).map(|i| Value::Int(r.start + r.step * i as i64)));
            Ok(out)
        }
        _ => {
            let it = crate::iter::get_iter(vm, v)?;
            let mut out = Vec::new();
            while let Some(x) = crate::iter::next(vm, &it)? {
                out.push(x);
            }
            Ok(out)
        }
    }
}

/// Integer value of a number-like for builtins that need one (`range`, `chr`, ...).
pub fn as_int(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(b.get() as i64),
        Value::BigInt(_) => Err(crate::errors::overflow_error("Python int too large to convert to C ssize_t")),
        other => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(other)))),
    }
}
