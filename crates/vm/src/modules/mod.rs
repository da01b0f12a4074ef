//! Builtin modules and `import`: modules are created on first import and cached in
//! `sys.modules` (the interpreter's module table).

use std::sync::Arc;

use crate::dict::Dict;
use crate::errors::{module_not_found, PyResult};
use crate::object::{BuiltinFn, Module};
use crate::value::Value;
use crate::vm::Vm;

mod future;
pub mod math;
mod math_more;
pub mod mt;
pub mod queue;
pub mod random;
pub mod string;
pub mod sys;
pub mod thread;
pub mod threading;
pub mod time;

/// A new module object with the given functions.
pub fn new_module(name: &str, funcs: &[(&str, BuiltinFn)]) -> (Value, Arc<Dict>) {
    let dict = Arc::new(Dict::new());
    dict.set_str("__name__", Value::str(name));
    for (fname, f) in funcs {
        dict.set_str(fname, crate::builtins::builtin(fname, *f));
    }
    (Value::Module(Arc::new(Module { name: Arc::from(name), dict: dict.clone() })), dict)
}

/// `import name`: the module object, creating builtin modules on first use.
pub fn import(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if let Some(m) = vm.interp.modules.lock().get(name) {
        return Ok(m.clone());
    }
    let module = match name {
        "sys" => sys::create(vm),
        "time" => time::create(),
        "math" => math::create(),
        "random" => random::create(),
        "string" => string::create(),
        "threading" => threading::create(vm),
        "_thread" => thread::create(),
        "queue" => queue::create(),
        "__future__" => future::create(),
        _ => return Err(module_not_found(name)),
    };
    vm.interp.modules.lock().insert(name.to_string(), module.clone());
    Ok(module)
}

/// Reads a float argument (ints accepted), with CPython's TypeError wording.
pub fn float_arg(v: &Value, fname: &str) -> PyResult<f64> {
    match crate::ops::to_f64(v)? {
        Some(f) => Ok(f),
        None => Err(crate::errors::type_error(format!("{fname}must be real number, not {}", crate::ops::type_name(v)))),
    }
}

/// Rejects arguments beyond `self` (`args` includes it) to a method that CPython defines
/// in Python (threading.py, queue.py), with Python's messages and the method's qualified
/// name: `Event.set() takes 1 positional argument but 2 were given`.
pub fn only_self(qualname: &str, args: &crate::object::Args) -> PyResult<()> {
    check_method_call(qualname, &args.kw, args.pos.len().saturating_sub(1), &[], 0, 0)
}

/// Rejects arguments beyond `self` (`args` includes it) to a method that CPython writes
/// in C without parameters: `lock.locked() takes no arguments (1 given)`.
pub fn no_args_method(qualname: &str, args: &crate::object::Args) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(crate::errors::type_error(format!("{qualname}() takes no keyword arguments")));
    }
    if args.pos.len() > 1 {
        let given = args.pos.len() - 1;
        return Err(crate::errors::type_error(format!("{qualname}() takes no arguments ({given} given)")));
    }
    Ok(())
}

/// [`bind_params`] for a method that CPython defines in Python: `args` comes without
/// `self`, but the messages count it and name the method by its qualified name, in the
/// order Python checks (`Thread.join() takes from 1 to 2 positional arguments but 3 were
/// given`, `Queue.put() missing 1 required positional argument: 'item'`).
pub fn bind_method(
    qualname: &str,
    args: crate::object::Args,
    names: &[&str],
    required: usize,
    max_pos: usize,
) -> PyResult<Vec<Option<Value>>> {
    check_method_call(qualname, &args.kw, args.pos.len(), names, required, max_pos)?;
    let out = bind_params(qualname, args, names, 0, max_pos)?;
    let missing: Vec<String> =
        names[..required].iter().zip(&out).filter(|(_, v)| v.is_none()).map(|(n, _)| format!("'{n}'")).collect();
    let list = match missing.as_slice() {
        [] => return Ok(out),
        [one] => one.clone(),
        [first, second] => format!("{first} and {second}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    };
    Err(crate::errors::type_error(format!(
        "{qualname}() missing {} required positional argument{}: {list}",
        missing.len(),
        if missing.len() == 1 { "" } else { "s" }
    )))
}

/// The checks Python makes before binding: unknown keywords, then too many positionals.
fn check_method_call(
    qualname: &str,
    kw: &[(Arc<str>, Value)],
    n_pos: usize,
    names: &[&str],
    required: usize,
    max_pos: usize,
) -> PyResult<()> {
    if let Some((k, _)) = kw.iter().find(|(k, _)| !names.contains(&&**k)) {
        return Err(crate::errors::type_error(format!("{qualname}() got an unexpected keyword argument '{k}'")));
    }
    if n_pos > max_pos {
        let (most, given) = (max_pos + 1, n_pos + 1);
        let takes = if required == max_pos { format!("{most}") } else { format!("from {} to {most}", required + 1) };
        let s = if most == 1 { "" } else { "s" };
        return Err(crate::errors::type_error(format!(
            "{qualname}() takes {takes} positional argument{s} but {given} were given"
        )));
    }
    Ok(())
}

/// Binds a builtin's arguments to named parameters, positional or keyword (the first
/// `max_pos` may be positional), with CPython's messages. `required` leading ones must be
/// present.
pub fn bind_params(
    fname: &str,
    args: crate::object::Args,
    names: &[&str],
    required: usize,
    max_pos: usize,
) -> PyResult<Vec<Option<Value>>> {
    use crate::errors::type_error;
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    if args.pos.len() > max_pos {
        let takes = if required == max_pos { format!("{max_pos}") } else { format!("from {required} to {max_pos}") };
        let given = args.pos.len();
        return Err(type_error(format!(
            "{fname}() takes {takes} positional argument{} but {given} {} given",
            if max_pos == 1 { "" } else { "s" },
            if given == 1 { "was" } else { "were" }
        )));
    }
    for (i, v) in args.pos.into_iter().enumerate() {
        out[i] = Some(v);
    }
    for (k, v) in args.kw {
        match names.iter().position(|n| *n == &*k) {
            Some(i) if out[i].is_some() => {
                return Err(type_error(format!("{fname}() got multiple values for argument '{k}'")));
            }
            Some(i) => out[i] = Some(v),
            None => return Err(type_error(format!("{fname}() got an unexpected keyword argument '{k}'"))),
        }
    }
    if let Some(i) = (0..required).find(|&i| out[i].is_none()) {
        return Err(type_error(format!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)));
    }
    Ok(out)
}
