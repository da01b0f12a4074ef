//! `str.translate` and the static `str.maketrans` that builds its tables.

use std::sync::Arc;

use super::{clinic_type_name, new_str, this_n, Arity};
use crate::dict::Dict;
use crate::errors::{type_error, value_error, PyResult};
use crate::object::{Args, Builtin, Class};
use crate::protocol;
use crate::value::Value;
use crate::vm::Vm;

pub(super) fn register(cls: &Arc<Class>) {
    crate::methods::add_method(cls, "translate", str_translate);
    // A builtin without an owner is not bound to the instance it is read through, which
    // is what a staticmethod needs: `'x'.maketrans(...)` and `str.maketrans(...)` agree.
    let maketrans = Builtin { name: Arc::from("maketrans"), func: str_maketrans, owner: None };
    cls.set_attr("maketrans", Value::Builtin(Arc::new(maketrans)));
}

fn str_translate(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this_n(&mut args, "translate", 1, 1, Arity::Clinic)?;
    let table = &args.pos[0];
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        let mapped = match protocol::getitem(vm, table, &Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) if e.matches("LookupError") => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match mapped {
            Value::None => {}
            Value::Str(t) => out.push_str(t.as_str()),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                let cp = match mapped {
                    Value::Int(i) => i,
                    Value::Bool(b) => b.get() as i64,
                    _ => -1,
                };
                let ch = u32::try_from(cp).ok().filter(|&cp| cp <= 0x10ffff);
                let Some(cp) = ch else {
                    return Err(value_error("character mapping must be in range(0x110000)"));
                };
                // Lone surrogates cannot live in a Rust string; U+FFFD stands in for them.
                out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
            }
            _ => return Err(type_error("character mapping must return integer, None or str")),
        }
    }
    Ok(new_str(out))
}

fn str_maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(type_error("str.maketrans() takes no keyword arguments"));
    }
    let n = args.pos.len();
    if n == 0 {
        return Err(type_error("maketrans expected at least 1 argument, got 0"));
    }
    if n > 3 {
        return Err(type_error(format!("maketrans expected at most 3 arguments, got {n}")));
    }
    let table = Dict::new();
    if n == 1 {
        let Value::Dict(d) = &args.pos[0] else {
            return Err(type_error("if you give only one argument to maketrans it must be a dict"));
        };
        for (key, value) in d.items() {
            let key = match &key {
                Value::Str(k) => {
                    let mut chars = k.as_str().chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) => Value::Int(c as i64),
                        _ => return Err(value_error("string keys in translate table must be of length 1")),
                    }
                }
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => key.clone(),
                _ => return Err(type_error("keys in translate table must be strings or integers")),
            };
            table.insert(protocol::hkey(vm, &key)?, value);
        }
        return Ok(Value::Dict(Arc::new(table)));
    }
    let Value::Str(from) = &args.pos[0] else {
        return Err(type_error("first maketrans argument must be a string if there is a second argument"));
    };
    let mut strs = Vec::new();
    for (i, v) in args.pos.iter().enumerate().skip(1) {
        match v {
            Value::Str(s) => strs.push(s.clone()),
            other => {
                return Err(type_error(format!(
                    "maketrans() argument {} must be str, not {}",
                    i + 1,
                    clinic_type_name(other)
                )))
            }
        }
    }
    let to = &strs[0];
    if from.char_len() != to.char_len() {
        return Err(value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in from.as_str().chars().zip(to.as_str().chars()) {
        table.insert(protocol::hkey(vm, &Value::Int(a as i64))?, Value::Int(b as i64));
    }
    if let Some(delete) = strs.get(1) {
        for c in delete.as_str().chars() {
            table.insert(protocol::hkey(vm, &Value::Int(c as i64))?, Value::None);
        }
    }
    Ok(Value::Dict(Arc::new(table)))
}
