//! The `string` module: its constants and `capwords` (the `Template` and `Formatter`
//! classes are not provided).

use crate::errors::{type_error, PyResult};
use crate::object::Args;
use crate::ops::type_name;
use crate::value::Value;
use crate::vm::Vm;

const DIGITS: &str = "0123456789";
const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const WHITESPACE: &str = " \t\n\r\x0b\x0c";

pub fn create() -> Value {
    let (module, dict) = crate::modules::new_module("string", &[("capwords", capwords)]);
    let letters = format!("{LOWER}{UPPER}");
    let constants = [
        ("ascii_lowercase", LOWER.to_string()),
        ("ascii_uppercase", UPPER.to_string()),
        ("ascii_letters", letters.clone()),
        ("digits", DIGITS.to_string()),
        ("hexdigits", format!("{DIGITS}abcdefABCDEF")),
        ("octdigits", "01234567".to_string()),
        ("punctuation", PUNCTUATION.to_string()),
        ("whitespace", WHITESPACE.to_string()),
        ("printable", format!("{DIGITS}{letters}{PUNCTUATION}{WHITESPACE}")),
    ];
    for (name, value) in constants {
        dict.set_str(name, Value::str(value));
    }
    module
}

/// `string.capwords(s, sep=None)`: `(sep or ' ').join(map(str.capitalize, s.split(sep)))`.
fn capwords(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let sep_kw = args.take_kw("sep");
    if let Some((name, _)) = args.kw.first() {
        return Err(type_error(format!("capwords() got an unexpected keyword argument '{name}'")));
    }
    let n = args.pos.len() + usize::from(sep_kw.is_some());
    if n == 0 || n > 2 {
        return Err(type_error(match n {
            0 => "capwords() missing 1 required positional argument: 's'".to_string(),
            _ => format!("capwords() takes from 1 to 2 positional arguments but {n} were given"),
        }));
    }
    let s = args.pos[0].clone();
    let sep = sep_kw.or_else(|| args.pos.get(1).cloned()).unwrap_or(Value::None);
    let joiner = match &sep {
        Value::Str(v) if !v.as_str().is_empty() => v.as_str().to_string(),
        _ => " ".to_string(),
    };
    // Through the str methods themselves, so that errors and Unicode rules are theirs.
    let split = crate::attr::get_attr(vm, &s, "split")?;
    let parts = vm.call(&split, Args::new(vec![sep]))?;
    let mut words = Vec::new();
    for w in crate::protocol::collect(vm, &parts)? {
        let capitalize = crate::attr::get_attr(vm, &w, "capitalize")?;
        match vm.call(&capitalize, Args::new(Vec::new()))? {
            Value::Str(c) => words.push(c.as_str().to_string()),
            other => return Err(type_error(format!("expected str, got {}", type_name(&other)))),
        }
    }
    Ok(Value::str(words.join(&joiner)))
}
