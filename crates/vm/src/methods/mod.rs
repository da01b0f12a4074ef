//! Methods of the built-in types, registered into their classes' namespaces as builtins
//! that take the receiver as their first argument (like CPython's method descriptors).

use std::sync::Arc;

use crate::errors::{type_error, PyResult};
use crate::object::{Args, Builtin, BuiltinFn, Class};
use crate::ops::type_name;
use crate::value::Value;

pub mod collections;
pub mod numbers;
pub mod percent;
pub mod seq;
pub mod set;
pub mod str;

/// Adds method `name` to a built-in class.
pub fn add_method(cls: &Class, name: &'static str, func: BuiltinFn) {
    let owner: &'static str = match &*cls.name {
        "str" => "str",
        "list" => "list",
        "dict" => "dict",
        "tuple" => "tuple",
        "set" => "set",
        "frozenset" => "frozenset",
        "int" => "int",
        "float" => "float",
        _ => "object",
    };
    cls.set_attr(name, Value::Builtin(Arc::new(Builtin { name: Arc::from(name), func, owner: Some(owner) })));
}

/// Registers every built-in type's methods.
pub fn register_all() {
    let t = crate::types::types();
    str::register(&t.str);
    collections::register(t);
    set::register(t);
    numbers::register(t);
}

/// Splits a method call's arguments into the receiver and the rest, checking the count.
pub fn receiver(args: &mut Args, owner: &str, name: &str, min: usize, max: usize) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(type_error(format!("unbound method {owner}.{name}() needs an argument")));
    }
    let recv = args.pos.remove(0);
    let n = args.pos.len();
    if !args.kw.is_empty() && max != usize::MAX {
        return Err(type_error(format!("{owner}.{name}() takes no keyword arguments")));
    }
    if n < min || n > max {
        let msg = if min == max {
            match min {
                0 => format!("{owner}.{name}() takes no arguments ({n} given)"),
                1 => format!("{owner}.{name}() takes exactly one argument ({n} given)"),
                _ => format!("{owner}.{name}() takes exactly {min} arguments ({n} given)"),
            }
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        return Err(type_error(msg));
    }
    Ok(recv)
}

/// The error for a method called on the wrong kind of receiver.
pub fn wrong_receiver(owner: &str, name: &str, got: &Value) -> crate::errors::PyErr {
    type_error(format!("descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object", type_name(got)))
}
