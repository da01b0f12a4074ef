//! Attribute access: `obj.name` reads, writes and deletes, method lookup for calls
//! (`LoadMethod`), descriptors (`property`, `staticmethod`, `classmethod`) and `super()`.

use std::sync::Arc;

use crate::errors::{attribute_error, type_error, PyResult};
use crate::object::{downcast, Args, BoundMethod, Class, Descriptor, DescriptorObj, SuperObj, TypeKind};
use crate::ops::type_name;
use crate::protocol::class_of;
use crate::types::types;
use crate::value::{PyStr, Value};
use crate::vm::Vm;

fn bind(receiver: &Value, func: Value) -> Value {
    Value::BoundMethod(Arc::new(BoundMethod { receiver: receiver.clone(), func }))
}

/// What a class attribute becomes when read through an instance.
fn bind_class_attr(vm: &mut Vm, obj: &Value, cls: &Arc<Class>, attr: Value) -> PyResult<Value> {
    Ok(match &attr {
        Value::Function(_) => bind(obj, attr),
        Value::Builtin(b) if b.owner.is_some() => bind(obj, attr),
        Value::Native(_) => match downcast::<DescriptorObj>(&attr) {
            Some(d) => match &*d.desc.read() {
                Descriptor::Property { fget, .. } => return vm.call(fget, Args::new(vec![obj.clone()])),
                Descriptor::Static(f) => f.clone(),
                Descriptor::ClassMethod(f) => bind(&Value::Class(cls.clone()), f.clone()),
            },
            None => attr.clone(),
        },
        _ => attr,
    })
}

/// `obj.name`.
pub fn get_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    get_attr_name(vm, obj, &crate::value::intern(name))
}

/// `obj.name` for a name from bytecode (interned, hash cached).
#[inline]
pub fn get_attr_name(vm: &mut Vm, obj: &Value, pyname: &PyStr) -> PyResult<Value> {
    // The common case, a plain instance attribute, stays small enough to inline.
    if let Value::Instance(inst) = obj {
        if !inst.class.has_hooks() {
            if let Some(v) = inst.get_attr_name(pyname) {
                return Ok(v);
            }
        }
    }
    get_attr_slow(vm, obj, pyname)
}

#[inline(never)]
fn get_attr_slow(vm: &mut Vm, obj: &Value, pyname: &PyStr) -> PyResult<Value> {
    let name = pyname.as_str();
    match obj {
        Value::Instance(inst) => {
            if let Some(ga @ Value::Function(_)) = inst.class.lookup("__getattribute__") {
                let r = vm.call(&ga, Args::new(vec![obj.clone(), Value::str(name)]));
                return match r {
                    Err(e) if e.matches("AttributeError") => match inst.class.lookup("__getattr__") {
                        Some(f) => vm.call(&f, Args::new(vec![obj.clone(), Value::str(name)])),
                        None => Err(e),
                    },
                    other => other,
                };
            }
            let r = generic_getattr(vm, obj, inst, pyname);
            match r {
                Err(e) if e.matches("AttributeError") => match inst.class.lookup("__getattr__") {
                    Some(ga) => vm.call(&ga, Args::new(vec![obj.clone(), Value::str(name)])),
                    None => Err(e),
                },
                other => other,
            }
        }
        _ => get_attr_other(vm, obj, pyname),
    }
}

/// `object.__getattribute__` for an instance: properties, the instance dict, then the
/// class (no `__getattr__` fallback).
fn generic_getattr(vm: &mut Vm, obj: &Value, inst: &Arc<crate::object::Instance>, pyname: &PyStr) -> PyResult<Value> {
    let name = pyname.as_str();
    let class_attr = inst.class.lookup_name(pyname);
    if let Some(attr) = &class_attr {
        if let Some(d) = downcast::<DescriptorObj>(attr) {
            if let Descriptor::Property { fget, .. } = &*d.desc.read() {
                let fget = fget.clone();
                return vm.call(&fget, Args::new(vec![obj.clone()]));
            }
        }
    }
    let own = match crate::modules::thread::local_attrs(vm, obj, inst)? {
        Some(local) => local.lock().get(name).cloned(),
        None => inst.get_attr(name),
    };
    if let Some(v) = own {
        return Ok(v);
    }
    if let Some(attr) = class_attr {
        return bind_class_attr(vm, obj, &inst.class, attr);
    }
    if let Some(v) = special_attr(vm, obj, name)? {
        return Ok(v);
    }
    Err(no_attr(obj, name))
}

fn get_attr_other(vm: &mut Vm, obj: &Value, pyname: &PyStr) -> PyResult<Value> {
    let name = pyname.as_str();
    match obj {
        Value::Class(cls) => {
            if let Some(attr) = cls.lookup(name) {
                if let Some(d) = downcast::<DescriptorObj>(&attr) {
                    match &*d.desc.read() {
                        Descriptor::Static(f) => return Ok(f.clone()),
                        Descriptor::ClassMethod(f) => return Ok(bind(obj, f.clone())),
                        Descriptor::Property { .. } => {}
                    }
                }
                return Ok(attr);
            }
            if let Some(v) = special_attr(vm, obj, name)? {
                return Ok(v);
            }
            Err(with_context(
                attribute_error(format!("type object '{}' has no attribute '{}'", cls.name, name)),
                obj,
                name,
            ))
        }
        Value::Module(m) => match m.dict.get_str(name) {
            Some(v) => Ok(v),
            None => Err(with_context(
                attribute_error(format!("module '{}' has no attribute '{}'", m.name, name)),
                obj,
                name,
            )),
        },
        Value::Native(_) => {
            if let Some(s) = downcast::<SuperObj>(obj) {
                return super_attr(vm, s, name);
            }
            let cls = class_of(obj);
            if let Some(attr) = cls.lookup(name) {
                return bind_class_attr(vm, obj, &cls, attr);
            }
            if let Some(v) = special_attr(vm, obj, name)? {
                return Ok(v);
            }
            Err(no_attr(obj, name))
        }
        _ => {
            let cls = class_of(obj);
            if let Some(attr) = cls.lookup(name) {
                return bind_class_attr(vm, obj, &cls, attr);
            }
            if let Some(v) = special_attr(vm, obj, name)? {
                return Ok(v);
            }
            Err(no_attr(obj, name))
        }
    }
}

fn no_attr(obj: &Value, name: &str) -> crate::errors::PyErr {
    with_context(attribute_error(format!("'{}' object has no attribute '{}'", type_name(obj), name)), obj, name)
}

/// Sets an AttributeError's `name` and `obj`, as CPython does (its "Did you mean" hint
/// comes from them).
fn with_context(e: crate::errors::PyErr, obj: &Value, name: &str) -> crate::errors::PyErr {
    e.0.set_attr("name", Value::str(name));
    e.0.set_attr("obj", obj.clone());
    e
}

/// Attributes every object (or kind of object) has without a dict entry.
fn special_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    Ok(Some(match (name, obj) {
        ("__class__", _) => Value::Class(class_of(obj)),
        ("__name__", Value::Class(c)) => Value::str(c.name.to_string()),
        ("__qualname__", Value::Class(c)) => Value::str(c.qualname.to_string()),
        ("__module__", Value::Class(c)) => Value::str(c.module.to_string()),
        ("__base__", Value::Class(c)) => c.base.clone().map(Value::Class).unwrap_or(Value::None),
        ("__bases__", Value::Class(c)) => Value::tuple(c.base.iter().map(|b| Value::Class(b.clone())).collect()),
        ("__mro__", Value::Class(c)) => Value::tuple(c.mro().into_iter().map(Value::Class).collect()),
        ("__doc__", Value::Class(_)) => Value::None,
        ("__dict__", Value::Instance(inst)) => {
            let d = crate::dict::Dict::new();
            // A `threading.local` shows the calling thread's attributes.
            let local = crate::modules::thread::local_attrs(vm, obj, inst)?;
            let own = match &local {
                Some(local) => local.lock(),
                None => inst.dict.lock(),
            };
            for (k, v) in own.iter() {
                // An exception's `args` is a slot in CPython, not an instance attribute.
                if !(inst.exc.is_some() && k == "args") {
                    d.set_str(k, v.clone());
                }
            }
            Value::Dict(Arc::new(d))
        }
        ("__dict__", Value::Class(c)) => {
            // A snapshot (CPython returns a read-only live view, a mappingproxy).
            let d = crate::dict::Dict::new();
            for (k, v) in c.dict.read().iter() {
                d.set_str(k, v.clone());
            }
            Value::Dict(Arc::new(d))
        }
        // Attributes assigned to a function (`f.__name__ = ...` included) win.
        (_, Value::Function(f)) if f.dict.lock().contains(name) => {
            f.dict.lock().get(name).cloned().unwrap_or(Value::None)
        }
        ("__kwdefaults__", Value::Function(f)) => {
            if f.kwdefaults.is_empty() {
                Value::None
            } else {
                let d = crate::dict::Dict::new();
                for (k, v) in &f.kwdefaults {
                    d.set_str(k, v.clone());
                }
                Value::Dict(Arc::new(d))
            }
        }
        ("__name__", Value::Function(f)) => Value::str(f.name.to_string()),
        ("__qualname__", Value::Function(f)) => Value::str(f.qualname.to_string()),
        ("__doc__", Value::Function(f)) => {
            f.code.co.docstring.as_ref().map(|d| Value::str(d.to_string())).unwrap_or(Value::None)
        }
        ("__module__", Value::Function(f)) => f.globals.get_str("__name__").unwrap_or(Value::None),
        ("__defaults__", Value::Function(f)) => {
            if f.defaults.is_empty() {
                Value::None
            } else {
                Value::tuple(f.defaults.clone())
            }
        }
        ("__code__", Value::Function(f)) => Value::Code(f.code.clone()),
        ("__globals__", Value::Function(f)) => Value::Dict(f.globals.clone()),
        (_, Value::Function(f)) => match f.dict.lock().get(name) {
            Some(v) => v.clone(),
            None => return Ok(None),
        },
        ("__name__", Value::Builtin(b)) => Value::str(b.name.to_string()),
        ("__qualname__", Value::Builtin(b)) => Value::str(match b.owner {
            Some(o) => format!("{o}.{}", b.name),
            None => b.name.to_string(),
        }),
        ("__self__", Value::BoundMethod(m)) => m.receiver.clone(),
        ("__func__", Value::BoundMethod(m)) => m.func.clone(),
        ("__name__", Value::BoundMethod(m)) => return get_attr(vm, &m.func.clone(), "__name__").map(Some),
        ("__name__", Value::Module(m)) => Value::str(m.name.to_string()),
        ("__dict__", Value::Module(m)) => Value::Dict(m.dict.clone()),
        ("co_name", Value::Code(c)) => Value::str(c.co.name.to_string()),
        ("co_filename", Value::Code(c)) => Value::str(c.co.filename.to_string()),
        ("co_firstlineno", Value::Code(c)) => Value::Int(c.co.first_line as i64),
        ("start", Value::Slice(s)) => s.start.clone(),
        ("stop", Value::Slice(s)) => s.stop.clone(),
        ("step", Value::Slice(s)) => s.step.clone(),
        ("start", Value::Range(r)) => Value::Int(r.start),
        ("stop", Value::Range(r)) => Value::Int(r.stop),
        ("step", Value::Range(r)) => Value::Int(r.step),
        ("real", Value::Int(_) | Value::BigInt(_) | Value::Float(_)) => obj.clone(),
        ("real", Value::Bool(b)) => Value::Int(b.get() as i64),
        ("imag", Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => Value::Int(0),
        ("imag", Value::Float(_)) => Value::float(0.0),
        ("numerator", Value::Int(_) | Value::BigInt(_)) => obj.clone(),
        ("denominator", Value::Int(_) | Value::BigInt(_)) => Value::Int(1),
        // A class that defines `__eq__` but not `__hash__` gets `__hash__ = None`.
        ("__hash__", Value::Class(c)) if c.lookup("__eq__").is_some() => Value::None,
        ("__hash__", Value::Instance(i)) if i.class.lookup("__eq__").is_some() => Value::None,
        (_, Value::Class(_)) if object_slot(name).is_some() => object_slot(name).unwrap_or(Value::None),
        (_, Value::Instance(_)) if object_slot(name).is_some() => bind(obj, object_slot(name).unwrap_or(Value::None)),
        (_, Value::Instance(inst)) if inst.class.kind == TypeKind::Exception => return exception_attr(obj, name),
        _ => return Ok(None),
    }))
}

fn exception_attr(obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Value::Instance(inst) = obj else {
        return Ok(None);
    };
    let Some(state) = &inst.exc else {
        return Ok(None);
    };
    let st = state.lock();
    Ok(Some(match name {
        "__cause__" => st.cause.clone().unwrap_or(Value::None),
        "__context__" => st.context.clone().unwrap_or(Value::None),
        "__suppress_context__" => Value::bool(st.suppress_context),
        "__traceback__" => Value::None,
        "args" => Value::tuple(Vec::new()),
        "code" if inst.class.is_subclass(&types().exc("SystemExit")) => {
            let args = crate::protocol::exception_args(obj);
            match args.len() {
                0 => Value::None,
                1 => args[0].clone(),
                _ => Value::tuple(args),
            }
        }
        "value" if inst.class.is_subclass(&types().exc("StopIteration")) => {
            crate::protocol::exception_args(obj).first().cloned().unwrap_or(Value::None)
        }
        _ => return Ok(None),
    }))
}

fn super_attr(vm: &mut Vm, s: &SuperObj, name: &str) -> PyResult<Value> {
    let mut cls = s.start_after.base.clone();
    while let Some(c) = cls {
        if let Some(attr) = c.dict.read().get(name).cloned() {
            let owner = match &s.receiver {
                Value::Class(k) => k.clone(),
                other => class_of(other),
            };
            if let Value::Class(_) = &s.receiver {
                if let Value::Function(_) = attr {
                    return Ok(attr);
                }
            }
            return bind_class_attr(vm, &s.receiver, &owner, attr);
        }
        cls = c.base.clone();
    }
    // Built-in bases: `object.__init__` and friends accept the call and do nothing useful.
    match name {
        "__init__" => Ok(Value::Builtin(Arc::new(crate::object::Builtin {
            name: Arc::from("__init__"),
            func: object_init,
            owner: None,
        }))),
        _ => match object_slot(name) {
            Some(f) if !matches!(s.receiver, Value::Class(_)) => Ok(bind(&s.receiver, f)),
            Some(f) => Ok(f),
            None => Err(attribute_error(format!("'super' object has no attribute '{name}'"))),
        },
    }
}

/// The methods every object inherits from `object` that gilvm does not store in
/// `object`'s dict (storing them there would route every attribute write through a
/// call): `object.__setattr__(self, name, value)`, `super().__str__()`, ...
fn object_slot(name: &str) -> Option<Value> {
    let func: crate::object::BuiltinFn = match name {
        "__setattr__" => object_setattr,
        "__getattribute__" => object_getattribute,
        "__delattr__" => object_delattr,
        "__repr__" => object_repr,
        "__str__" => object_str,
        "__eq__" => object_eq,
        "__ne__" => object_ne,
        "__hash__" => object_hash,
        _ => return None,
    };
    Some(Value::Builtin(Arc::new(crate::object::Builtin { name: Arc::from(name), func, owner: Some("object") })))
}

/// The receiver and the attribute name of `object.__getattribute__(obj, name)` & co.
fn slot_args(args: &Args, slot: &str, n: usize) -> PyResult<(Value, Arc<PyStr>)> {
    if args.pos.len() != n {
        return Err(type_error(format!("expected {} arguments, got {}", n - 1, args.pos.len().saturating_sub(1))));
    }
    match &args.pos[1] {
        Value::Str(s) => Ok((args.pos[0].clone(), crate::value::intern(s.as_str()))),
        other => Err(type_error(format!(
            "attribute name must be string, not '{}'{}",
            type_name(other),
            if slot.is_empty() { "" } else { "" }
        ))),
    }
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (obj, name) = slot_args(&args, "__setattr__", 3)?;
    let value = args.pos[2].clone();
    match &obj {
        Value::Instance(inst) => generic_setattr(vm, &obj, inst, name.as_str(), value).map(|_| Value::None),
        _ => set_attr_name(vm, &obj, &name, value).map(|_| Value::None),
    }
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (obj, name) = slot_args(&args, "__getattribute__", 2)?;
    match &obj {
        Value::Instance(inst) => generic_getattr(vm, &obj, inst, &name),
        _ => get_attr_name(vm, &obj, &name),
    }
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (obj, name) = slot_args(&args, "__delattr__", 2)?;
    match &obj {
        Value::Instance(inst) => generic_delattr(vm, &obj, inst, name.as_str()).map(|_| Value::None),
        _ => del_attr(vm, &obj, name.as_str()).map(|_| Value::None),
    }
}

fn one_arg(args: &Args, slot: &str) -> PyResult<Value> {
    match args.pos.as_slice() {
        [v] => Ok(v.clone()),
        _ => Err(type_error(format!("{slot}() takes no arguments ({} given)", args.pos.len().saturating_sub(1)))),
    }
}

fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "__repr__")?;
    crate::protocol::object_repr(vm, &v).map(Value::str)
}

/// `object.__str__`: `repr(self)` (which runs a user `__repr__`); for exceptions, the
/// exception's own text.
fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "__str__")?;
    match &v {
        Value::Instance(inst) if inst.class.kind == TypeKind::Exception => {
            crate::protocol::exception_str(vm, &v).map(Value::str)
        }
        Value::Instance(_) => crate::protocol::repr(vm, &v).map(Value::str),
        // Built-in values reach this only when their type has no `__str__` of its own.
        _ => crate::protocol::str(vm, &v).map(Value::str),
    }
}

fn object_eq(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.as_slice() {
        [a, b] => Ok(if a.is(b) { Value::Bool(crate::value::PyBool::TRUE) } else { Value::NotImplemented }),
        _ => Err(type_error(format!("expected 1 argument, got {}", args.pos.len().saturating_sub(1)))),
    }
}

fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.as_slice() {
        [a, b] => match &a {
            Value::Instance(inst) => match inst.class.lookup("__eq__") {
                Some(f) => match vm.call(&f, Args::new(vec![a.clone(), b.clone()]))? {
                    Value::NotImplemented => Ok(Value::NotImplemented),
                    r => Ok(Value::bool(!crate::protocol::truthy(vm, &r)?)),
                },
                None => Ok(if a.is(b) { Value::Bool(crate::value::PyBool::FALSE) } else { Value::NotImplemented }),
            },
            _ => Ok(Value::bool(!crate::protocol::eq(vm, a, b)?)),
        },
        _ => Err(type_error(format!("expected 1 argument, got {}", args.pos.len().saturating_sub(1)))),
    }
}

fn object_hash(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "__hash__")?;
    Ok(Value::Int((v.heap_ptr().unwrap_or(0) >> 4) as i64))
}

/// `object.__init__` reached through `super()`; for exceptions it sets `args`.
fn object_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// Method lookup for `obj.name(...)`: `(Some(func), obj)` when `func` should be called
/// with `obj` prepended, else `(None, attribute)`.
pub fn load_method(vm: &mut Vm, obj: &Value, name: &PyStr) -> PyResult<(Option<Value>, Value)> {
    match obj {
        Value::Instance(inst) => {
            if !inst.class.has_hooks() {
                if let Some(v) = inst.get_attr_name(name) {
                    return Ok((None, v));
                }
                if let Some(attr @ Value::Function(_)) = inst.class.lookup_name(name) {
                    return Ok((Some(attr), obj.clone()));
                }
            }
            Ok((None, get_attr_name(vm, obj, name)?))
        }
        Value::Class(_) | Value::Module(_) => Ok((None, get_attr_name(vm, obj, name)?)),
        Value::Native(_) if downcast::<SuperObj>(obj).is_some() => Ok((None, get_attr_name(vm, obj, name)?)),
        _ => {
            let cls = class_of(obj);
            if let Some(attr) = cls.lookup_name(name) {
                if let Value::Builtin(b) = &attr {
                    if b.owner.is_some() {
                        return Ok((Some(attr), obj.clone()));
                    }
                }
            }
            Ok((None, get_attr_name(vm, obj, name)?))
        }
    }
}

/// `obj.name = value`.
pub fn set_attr(vm: &mut Vm, obj: &Value, name: &str, value: Value) -> PyResult<()> {
    set_attr_name(vm, obj, &crate::value::intern(name), value)
}

/// `obj.name = value` for a name from bytecode.
pub fn set_attr_name(vm: &mut Vm, obj: &Value, pyname: &Arc<PyStr>, value: Value) -> PyResult<()> {
    let name = pyname.as_str();
    match obj {
        Value::Instance(inst) if !inst.class.has_hooks() && inst.class.kind != TypeKind::Exception => {
            inst.set_attr_name(pyname.clone(), value);
            Ok(())
        }
        Value::Instance(inst) => {
            if let Some(sa) = inst.class.lookup("__setattr__") {
                return vm.call(&sa, Args::new(vec![obj.clone(), Value::str(name), value])).map(|_| ());
            }
            generic_setattr(vm, obj, inst, name, value)
        }
        Value::Class(cls) => {
            if &*cls.module == "builtins" {
                return Err(type_error(format!("cannot set '{name}' attribute of immutable type '{}'", cls.name)));
            }
            cls.set_attr(name, value);
            Ok(())
        }
        Value::Module(m) => {
            m.dict.set_str(name, value);
            Ok(())
        }
        Value::Function(f) => {
            f.dict.lock().insert_str(name, value);
            Ok(())
        }
        _ => {
            let cls = class_of(obj);
            if cls.lookup(name).is_some() {
                Err(attribute_error(format!("'{}' object attribute '{}' is read-only", type_name(obj), name)))
            } else {
                Err(attribute_error(format!("'{}' object has no attribute '{}'", type_name(obj), name)))
            }
        }
    }
}

/// `object.__setattr__` for an instance: a property's setter, the exception links, or
/// the instance dict.
fn generic_setattr(
    vm: &mut Vm,
    obj: &Value,
    inst: &Arc<crate::object::Instance>,
    name: &str,
    value: Value,
) -> PyResult<()> {
    if let Some(attr) = inst.class.lookup(name) {
        if let Some(d) = downcast::<DescriptorObj>(&attr) {
            if let Descriptor::Property { fset, .. } = &*d.desc.read() {
                return match fset {
                    Some(f) => vm.call(f, Args::new(vec![obj.clone(), value])).map(|_| ()),
                    None => {
                        Err(attribute_error(format!("property '{name}' of '{}' object has no setter", inst.class.name)))
                    }
                };
            }
        }
    }
    if inst.class.kind == TypeKind::Exception {
        if let (Some(state), "__cause__" | "__context__") = (&inst.exc, name) {
            let mut st = state.lock();
            let v = if value.is_none() { None } else { Some(value) };
            if name == "__cause__" {
                st.cause = v;
                st.suppress_context = true;
            } else {
                st.context = v;
            }
            return Ok(());
        }
    }
    match crate::modules::thread::local_attrs(vm, obj, inst)? {
        Some(local) => {
            local.lock().insert_str(name, value);
        }
        None => inst.set_attr(name, value),
    }
    Ok(())
}

/// `object.__delattr__` for an instance.
fn generic_delattr(vm: &mut Vm, obj: &Value, inst: &Arc<crate::object::Instance>, name: &str) -> PyResult<()> {
    if let Some(attr) = inst.class.lookup(name) {
        if let Some(d) = downcast::<DescriptorObj>(&attr) {
            if let Descriptor::Property { .. } = &*d.desc.read() {
                return Err(attribute_error(format!(
                    "property '{name}' of '{}' object has no deleter",
                    inst.class.name
                )));
            }
        }
    }
    let removed = match crate::modules::thread::local_attrs(vm, obj, inst)? {
        Some(local) => local.lock().remove(name),
        None => inst.dict.lock().remove(name),
    };
    match removed {
        Some(_) => Ok(()),
        None => Err(no_attr(obj, name)),
    }
}

/// `del obj.name`.
pub fn del_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<()> {
    match obj {
        Value::Instance(inst) => {
            if let Some(da @ Value::Function(_)) = inst.class.lookup("__delattr__") {
                return vm.call(&da, Args::new(vec![obj.clone(), Value::str(name)])).map(|_| ());
            }
            generic_delattr(vm, obj, inst, name)
        }
        Value::Class(cls) => match cls.dict.write().remove(name) {
            Some(_) => Ok(()),
            None => Err(attribute_error(format!("type object '{}' has no attribute '{}'", cls.name, name))),
        },
        Value::Module(m) => match m.dict.remove(&crate::dict::HKey::from_str(name)) {
            Some(_) => Ok(()),
            None => Err(attribute_error(format!("module '{}' has no attribute '{}'", m.name, name))),
        },
        _ => Err(no_attr(obj, name)),
    }
}

/// `super()` with no arguments, from inside a method: uses the frame's `__class__`
/// cell and its first argument.
pub fn super_zero_args(vm: &mut Vm) -> PyResult<Value> {
    let frame = vm.frames.last().ok_or_else(|| crate::errors::runtime_error("super(): no arguments"))?;
    let co = &frame.func.code.co;
    let Some(pos) = co.freevars.iter().position(|f| &**f == "__class__") else {
        return Err(crate::errors::runtime_error("super(): __class__ cell not found"));
    };
    let cell = frame.cells.get(co.cellvars.len() + pos).cloned();
    let cls = match cell.map(|c| c.value.lock().clone()) {
        Some(Value::Class(c)) => c,
        _ => return Err(crate::errors::runtime_error("super(): empty __class__ cell")),
    };
    if co.argcount == 0 && !co.has_varargs {
        return Err(crate::errors::runtime_error("super(): no arguments"));
    }
    // The first argument may have moved into a cell if an inner function captured it.
    let receiver = match co.cell_params.iter().find(|&&(_, p)| p == 0) {
        Some(&(c, _)) => frame.cells[c as usize].value.lock().clone(),
        None => vm.stack[frame.base].clone(),
    };
    Ok(Value::native(SuperObj { start_after: cls, receiver }))
}

/// `super(cls, obj)`.
pub fn super_explicit(cls: &Value, receiver: &Value) -> PyResult<Value> {
    let Value::Class(c) = cls else {
        return Err(type_error(format!("super() argument 1 must be a type, not {}", type_name(cls))));
    };
    Ok(Value::native(SuperObj { start_after: c.clone(), receiver: receiver.clone() }))
}
