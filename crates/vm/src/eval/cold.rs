//! The dispatch loop's less frequent instructions (imports, class and function
//! creation, unpacking, `with`, `raise`, name lookups in class bodies, f-strings), kept
//! out of `eval::run` so that the hot loop stays small.

use std::sync::Arc;

use crate::errors::{name_error, type_error, unbound_local, value_error, PyErr, PyResult};
use crate::object::{Args, Code, Function};
use crate::protocol;
use crate::value::{Cell, Value};
use crate::vm::Vm;

fn pop(vm: &mut Vm) -> Value {
    vm.stack.pop().expect("value stack underflow")
}

fn top(vm: &Vm) -> &Value {
    vm.stack.last().expect("value stack underflow")
}

fn unbound_cell(code: &Code, i: u32) -> PyErr {
    super::unbound_cell(code, i)
}

pub(super) fn delete_fast(vm: &mut Vm, code: &Code, fi: usize, i: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let base = vm.frames[fi].base;
    let slot = &mut vm.stack[base + i as usize];
    if let Value::Unbound = slot {
        return Err(unbound_local(&code.co.varnames[i as usize]));
    }
    *slot = Value::Unbound;
    Ok(())
}

pub(super) fn delete_global(vm: &mut Vm, code: &Code, fi: usize, i: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let name = &code.names[i as usize];
    let key = crate::dict::HKey::str(name.clone());
    if vm.frames[fi].func.globals.remove(&key).is_none() {
        return Err(name_error(name.as_str()));
    }
    Ok(())
}

pub(super) fn load_name(vm: &mut Vm, code: &Code, fi: usize, i: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let name = &code.names[i as usize];
    let frame = &vm.frames[fi];
    let found = frame.ns.as_ref().and_then(|ns| ns.get_pystr(name));
    let v = match found.or_else(|| frame.func.globals.get_pystr(name)) {
        Some(v) => v,
        None => match vm.interp.builtins.get_pystr(name) {
            Some(v) => v,
            None => return Err(crate::suggest::name_error(vm, fi, name.as_str())),
        },
    };
    vm.stack.push(v);
    Ok(())
}

pub(super) fn store_name(vm: &mut Vm, code: &Code, fi: usize, i: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let v = pop(vm);
    let key = crate::dict::HKey::str(code.names[i as usize].clone());
    let frame = &vm.frames[fi];
    match &frame.ns {
        Some(ns) => ns.insert(key, v),
        None => frame.func.globals.insert(key, v),
    }
    Ok(())
}

pub(super) fn delete_name(vm: &mut Vm, code: &Code, fi: usize, i: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let name = &code.names[i as usize];
    let key = crate::dict::HKey::str(name.clone());
    let frame = &vm.frames[fi];
    let ns = frame.ns.clone().unwrap_or_else(|| frame.func.globals.clone());
    if ns.remove(&key).is_none() {
        return Err(name_error(name.as_str()));
    }
    Ok(())
}

pub(super) fn delete_deref(vm: &mut Vm, code: &Code, fi: usize, i: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let cell = vm.frames[fi].cells[i as usize].clone();
    let mut slot = cell.value.lock();
    if let Value::Unbound = *slot {
        drop(slot);
        return Err(unbound_cell(code, i));
    }
    *slot = Value::Unbound;
    Ok(())
}

pub(super) fn load_class_deref(vm: &mut Vm, code: &Code, fi: usize, i: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let name = code.co.deref_name(i);
    let from_ns = vm.frames[fi].ns.as_ref().and_then(|ns| ns.get_str(name));
    let v = match from_ns {
        Some(v) => v,
        None => vm.frames[fi].cells[i as usize].value.lock().clone(),
    };
    if let Value::Unbound = v {
        return Err(unbound_cell(code, i));
    }
    vm.stack.push(v);
    Ok(())
}

pub(super) fn build_set(vm: &mut Vm, code: &Code, fi: usize, n: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let items = vm.stack.split_off(vm.stack.len() - n as usize);
    let mut table = crate::set::SetTable::default();
    for item in items {
        let k = (protocol::table_key(vm, &table, &item))?;
        table.insert(k);
    }
    vm.stack.push(Value::Set(Arc::new(crate::set::Set::new(table))));
    Ok(())
}

pub(super) fn build_map(vm: &mut Vm, code: &Code, fi: usize, n: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let items = vm.stack.split_off(vm.stack.len() - 2 * n as usize);
    let dict = crate::dict::Dict::new();
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        let key = (protocol::dict_key(vm, &dict, &k))?;
        dict.insert(key, v);
    }
    vm.stack.push(Value::Dict(Arc::new(dict)));
    Ok(())
}

pub(super) fn build_string(vm: &mut Vm, code: &Code, fi: usize, n: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let parts = vm.stack.split_off(vm.stack.len() - n as usize);
    let mut s = String::new();
    for p in &parts {
        if let Value::Str(ps) = p {
            s.push_str(ps.as_str());
        }
    }
    vm.stack.push(Value::str(s));
    Ok(())
}

pub(super) fn list_extend(vm: &mut Vm, code: &Code, fi: usize, i: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let v = pop(vm);
    let items = (protocol::collect(vm, &v))?;
    if let Value::List(l) = &vm.stack[vm.stack.len() - i as usize] {
        l.items.lock().extend(items);
    }
    Ok(())
}

pub(super) fn set_update(vm: &mut Vm, code: &Code, fi: usize, i: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let v = pop(vm);
    if let Value::Set(s) = vm.stack[vm.stack.len() - i as usize].clone() {
        (crate::methods::set::set_update_value(vm, &s, &v))?;
    }
    Ok(())
}

pub(super) fn dict_update(vm: &mut Vm, code: &Code, fi: usize, i: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let v = pop(vm);
    let target = vm.stack[vm.stack.len() - i as usize].clone();
    (merge_into_dict(vm, &target, &v))?;
    Ok(())
}

pub(super) fn format_value(vm: &mut Vm, code: &Code, fi: usize, flags: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let spec = if flags & 4 != 0 { pop(vm) } else { Value::None };
    let v = pop(vm);
    let v = match flags & 3 {
        1 => Value::str((protocol::str(vm, &v))?),
        2 => Value::str((protocol::repr(vm, &v))?),
        3 => Value::str(crate::builtins::ascii_of(&(protocol::repr(vm, &v))?)),
        _ => v,
    };
    let spec = spec.as_str().unwrap_or("").to_string();
    let s = match (&v, spec.is_empty()) {
        (Value::Str(_), true) => v,
        _ => Value::str((crate::methods::str::format_value(vm, &v, &spec))?),
    };
    vm.stack.push(s);
    Ok(())
}

pub(super) fn unpack_sequence(vm: &mut Vm, code: &Code, fi: usize, n: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let seq = pop(vm);
    let items = (unpack_items(vm, &seq, n as usize))?;
    if items.len() != n as usize {
        return Err(unpack_count_error(n as usize, items.len()));
    }
    vm.stack.extend(items.into_iter().rev());
    Ok(())
}

pub(super) fn unpack_ex(vm: &mut Vm, code: &Code, fi: usize, arg: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let (before, after) = ((arg & 0xff) as usize, (arg >> 8) as usize);
    let seq = pop(vm);
    let mut items = (protocol::collect(vm, &seq))?;
    if items.len() < before + after {
        return Err(value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let tail = items.split_off(items.len() - after);
    let middle = items.split_off(before);
    vm.stack.extend(tail.into_iter().rev());
    vm.stack.push(Value::list(middle));
    vm.stack.extend(items.into_iter().rev());
    Ok(())
}

pub(super) fn make_function(vm: &mut Vm, code: &Code, fi: usize, flags: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let code_v = pop(vm);
    let closure = if flags & 8 != 0 { cells_of(&pop(vm)) } else { Vec::new() };
    let kwdefaults = if flags & 2 != 0 {
        match pop(vm) {
            Value::Dict(d) => d.items().into_iter().map(|(k, v)| (Arc::from(k.as_str().unwrap_or("")), v)).collect(),
            _ => Vec::new(),
        }
    } else {
        Vec::new()
    };
    let defaults = if flags & 1 != 0 {
        match pop(vm) {
            Value::Tuple(t) => t.items.to_vec(),
            _ => Vec::new(),
        }
    } else {
        Vec::new()
    };
    let Value::Code(fcode) = code_v else { return Err(type_error("MAKE_FUNCTION needs a code object")) };
    let func = Function {
        name: fcode.co.name.clone(),
        qualname: fcode.co.qualname.clone(),
        code: fcode,
        globals: vm.frames[fi].func.globals.clone(),
        defaults,
        kwdefaults,
        closure,
        dict: Default::default(),
    };
    vm.stack.push(Value::Function(Arc::new(func)));
    Ok(())
}

pub(super) fn import_name(vm: &mut Vm, code: &Code, fi: usize, i: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let m = (crate::modules::import(vm, code.names[i as usize].as_str()))?;
    vm.stack.push(m);
    Ok(())
}

pub(super) fn import_from(vm: &mut Vm, code: &Code, fi: usize, i: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let module = top(vm).clone();
    let name = code.names[i as usize].as_str();
    let v = match crate::attr::get_attr(vm, &module, name) {
        Ok(v) => v,
        Err(_) => {
            let mname = match &module {
                Value::Module(m) => m.name.to_string(),
                _ => "?".into(),
            };
            return Err(crate::errors::exc(
                "ImportError",
                format!("cannot import name '{name}' from '{mname}' (unknown location)"),
            ));
        }
    };
    vm.stack.push(v);
    Ok(())
}

pub(super) fn import_star(vm: &mut Vm, code: &Code, fi: usize) -> PyResult<()> {
    let _ = (&code, fi);
    let module = pop(vm);
    if let Value::Module(m) = module {
        let globals = vm.frames[fi].func.globals.clone();
        for (k, v) in m.dict.items() {
            if let Some(name) = k.as_str() {
                if !name.starts_with('_') {
                    globals.set_str(name, v);
                }
            }
        }
    }
    Ok(())
}

pub(super) fn check_exc_match(vm: &mut Vm, code: &Code, fi: usize) -> PyResult<()> {
    let _ = (&code, fi);
    let typ = pop(vm);
    let exc = top(vm).clone();
    let m = (exception_matches(&exc, &typ))?;
    vm.stack.push(Value::bool(m));
    Ok(())
}

pub(super) fn raise(vm: &mut Vm, code: &Code, fi: usize, n: u32) -> PyResult<()> {
    let _ = (&code, fi);
    let err = match n {
        0 => match vm.exc_stack.last() {
            Some(Value::Instance(inst)) => PyErr(inst.clone()),
            _ => crate::errors::runtime_error("No active exception to reraise"),
        },
        1 => {
            let e = pop(vm);
            (make_exception(vm, e))?
        }
        _ => {
            let cause = pop(vm);
            let e = pop(vm);
            let err = (make_exception(vm, e))?;
            let cause = if cause.is_none() { None } else { Some((make_exception(vm, cause))?.value()) };
            if let Some(state) = &err.0.exc {
                let mut st = state.lock();
                st.cause = cause;
                st.suppress_context = true;
            }
            err
        }
    };
    vm.explicit_raise = n > 0;
    Err(err)
}

pub(super) fn before_with(vm: &mut Vm, code: &Code, fi: usize) -> PyResult<()> {
    let _ = (&code, fi);
    static NAMES: std::sync::OnceLock<(Arc<crate::value::PyStr>, Arc<crate::value::PyStr>)> =
        std::sync::OnceLock::new();
    let (enter_name, exit_name) =
        NAMES.get_or_init(|| (crate::value::intern("__enter__"), crate::value::intern("__exit__")));
    let mgr = pop(vm);
    let owned_class;
    let cls = match &mgr {
        Value::Instance(inst) => &inst.class,
        other => {
            owned_class = protocol::class_of(other);
            &owned_class
        }
    };
    let (Some(enter), Some(exit)) = (cls.lookup_name(enter_name), cls.lookup_name(exit_name)) else {
        let which = if cls.lookup("__enter__").is_none() { "" } else { " (missed __exit__ method)" };
        return Err(type_error(format!("'{}' object does not support the context manager protocol{which}", cls.name)));
    };
    let bound_exit = Value::BoundMethod(Arc::new(crate::object::BoundMethod { receiver: mgr.clone(), func: exit }));
    vm.stack.push(bound_exit);
    let r = (vm.call(&enter, Args::new(vec![mgr])))?;
    vm.stack.push(r);
    Ok(())
}

pub(super) fn with_except_start(vm: &mut Vm, code: &Code, fi: usize) -> PyResult<()> {
    let _ = (&code, fi);
    let exc = top(vm).clone();
    let exit = vm.stack[vm.stack.len() - 2].clone();
    let typ = Value::Class(protocol::class_of(&exc));
    let r = (vm.call(&exit, Args::new(vec![typ, exc, Value::None])))?;
    vm.stack.push(r);
    Ok(())
}

pub fn star_args(vm: &mut Vm, callee: &Value, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::Tuple(t) => Ok(t.items.to_vec()),
        Value::List(l) => Ok(l.snapshot()),
        _ => match protocol::collect(vm, v) {
            Ok(items) => Ok(items),
            Err(e) if e.matches("TypeError") => Err(type_error(format!(
                "{} argument after * must be an iterable, not {}",
                callable_name(callee),
                crate::ops::type_name(v)
            ))),
            Err(e) => Err(e),
        },
    }
}

pub fn star_kwargs(vm: &mut Vm, callee: &Value, v: &Value) -> PyResult<Vec<(Arc<str>, Value)>> {
    let _ = vm;
    match v {
        Value::Dict(d) => {
            let mut out: Vec<(Arc<str>, Value)> = Vec::new();
            for (k, val) in d.items() {
                match k.as_str() {
                    Some(s) => out.push((Arc::from(s), val)),
                    None => return Err(type_error("keywords must be strings")),
                }
            }
            Ok(out)
        }
        other => Err(type_error(format!(
            "{} argument after ** must be a mapping, not {}",
            callable_name(callee),
            crate::ops::type_name(other)
        ))),
    }
}

pub(super) fn callable_name(v: &Value) -> String {
    match v {
        Value::Function(f) => format!("{}()", f.qualname),
        Value::Builtin(b) => format!("{}()", b.name),
        Value::Class(c) => format!("{}()", c.name),
        other => crate::ops::type_name(other),
    }
}

pub(super) fn cells_of(v: &Value) -> Vec<Arc<Cell>> {
    match v {
        Value::Tuple(t) => t
            .items
            .iter()
            .filter_map(|c| match c {
                Value::Cell(c) => Some(c.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn merge_into_dict(vm: &mut Vm, target: &Value, v: &Value) -> PyResult<()> {
    let Value::Dict(target) = target else {
        return Ok(());
    };
    match v {
        Value::Dict(d) => {
            for (k, val) in d.items() {
                let key = protocol::dict_key(vm, target, &k)?;
                target.insert(key, val);
            }
            Ok(())
        }
        other => Err(type_error(format!("'{}' object is not a mapping", crate::ops::type_name(other)))),
    }
}

pub(super) fn unpack_items(vm: &mut Vm, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
    match seq {
        Value::Tuple(t) => Ok(t.items.to_vec()),
        Value::List(l) => Ok(l.snapshot()),
        _ => {
            let it = match crate::iter::get_iter(vm, seq) {
                Ok(it) => it,
                Err(e) if e.matches("TypeError") => {
                    return Err(type_error(format!("cannot unpack non-iterable {} object", crate::ops::type_name(seq))))
                }
                Err(e) => return Err(e),
            };
            let mut out = Vec::with_capacity(n);
            while let Some(x) = crate::iter::next(vm, &it)? {
                out.push(x);
                if out.len() > n {
                    break;
                }
            }
            Ok(out)
        }
    }
}

pub(super) fn unpack_count_error(expected: usize, got: usize) -> PyErr {
    if got > expected {
        value_error(format!("too many values to unpack (expected {expected})"))
    } else {
        value_error(format!("not enough values to unpack (expected {expected}, got {got})"))
    }
}

/// Turns the operand of `raise` into an exception instance.
pub fn make_exception(vm: &mut Vm, v: Value) -> PyResult<PyErr> {
    match &v {
        Value::Instance(inst) if inst.exc.is_some() => Ok(PyErr(inst.clone())),
        Value::Class(c) if c.kind == crate::object::TypeKind::Exception => {
            match crate::call::instantiate(vm, c, Args::default())? {
                Value::Instance(inst) => Ok(PyErr(inst)),
                _ => Err(type_error("exceptions must derive from BaseException")),
            }
        }
        _ => Err(type_error("exceptions must derive from BaseException")),
    }
}

pub(super) fn exception_matches(exc: &Value, typ: &Value) -> PyResult<bool> {
    let cls = protocol::class_of(exc);
    match typ {
        Value::Class(c) if c.kind == crate::object::TypeKind::Exception => Ok(cls.is_subclass(c)),
        Value::Tuple(t) => {
            for item in t.items.iter() {
                if exception_matches(exc, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error("catching classes that do not inherit from BaseException is not allowed")),
    }
}

/// `SEND` (for `yield from`): resumes a generator directly; other iterators get
/// `__next__` for None and their `send` method otherwise.
pub(super) fn send(vm: &mut Vm, it: &Value, v: Value) -> PyResult<crate::generator::Resumed> {
    use crate::generator::Resumed;
    if let Some(g) = crate::generator::as_generator(it) {
        return crate::generator::resume(vm, g, v, None);
    }
    let result = if v.is_none() {
        match crate::iter::next(vm, it)? {
            Some(x) => return Ok(Resumed::Yielded(x)),
            None => return Ok(Resumed::Returned(Value::None)),
        }
    } else {
        crate::attr::get_attr(vm, it, "send").and_then(|send| vm.call(&send, Args::new(vec![v])))
    };
    match result {
        Ok(x) => Ok(Resumed::Yielded(x)),
        Err(e) if e.matches("StopIteration") => {
            let value = crate::attr::get_attr(vm, &e.value(), "value").unwrap_or(Value::None);
            Ok(Resumed::Returned(value))
        }
        Err(e) => Err(e),
    }
}
