//! Builtin modules and `import`: modules are created on first import and cached in
//! `sys.modules` (the interpreter's module table).

use std::sync::Arc;

use crate::dict::Dict;
use crate::errors::{module_not_found, PyResult};
use crate::object::{BuiltinFn, Module};
use crate::value::Value;
use crate::vm::Vm;

pub mod math;
pub mod mt;
pub mod random;
pub mod string;
pub mod sys;
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
