//! `str.format`, `str.format_map` and the `format(value, spec)` protocol, following
//! CPython 3.11's `Objects/stringlib/unicode_format.h`: fields are parsed one at a time
//! (so errors surface in the same order as CPython's), `{}` numbering is shared with the
//! nested fields of format specs, and specs nest at most one level.

use std::sync::Arc;

use num_bigint::BigInt;

use super::unicode::decimal_value;
use super::{clinic_type_name, new_str, this, this_n, Arity};
use crate::errors::{index_error, key_error, overflow_error, type_error, value_error, PyResult};
use crate::format::{format_float, format_int, format_str};
use crate::methods::add_method;
use crate::object::{Args, Class};
use crate::ops::type_name;
use crate::protocol;
use crate::value::Value;
use crate::vm::Vm;

pub(super) fn register(cls: &Arc<Class>) {
    add_method(cls, "format", str_format_method);
    add_method(cls, "format_map", str_format_map);
    add_method(cls, "__format__", str_dunder_format);
}

fn str_format_method(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this(&mut args, "format")?;
    Ok(new_str(str_format(vm, s.as_str(), &args.pos, &args.kw)?))
}

fn str_format_map(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this_n(&mut args, "format_map", 1, 1, Arity::Clinic)?;
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut f = Formatter { args: None, kw: Names::Mapping(&args.pos[0]), numbering: Numbering::Unset, next: 0 };
    Ok(new_str(f.build(vm, &chars, 2)?))
}

fn str_dunder_format(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this_n(&mut args, "__format__", 1, 1, Arity::Clinic)?;
    match &args.pos[0] {
        Value::Str(spec) => Ok(new_str(format_value(vm, &Value::Str(s), spec.as_str())?)),
        other => Err(type_error(format!("__format__() argument must be str, not {}", clinic_type_name(other)))),
    }
}

/// `fmt.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, fmt: &str, args: &[Value], kwargs: &[(Arc<str>, Value)]) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut f = Formatter { args: Some(args), kw: Names::Keywords(kwargs), numbering: Numbering::Unset, next: 0 };
    f.build(vm, &chars, 2)
}

/// `format(v, spec)`: the built-in formatters for int, bool, float and str, a class's own
/// `__format__`, or `object.__format__` (which accepts only an empty spec).
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    // A width of 4 GiB or more (ten digits at least) cannot be padded out in memory: a
    // MemoryError, as CPython's allocator would report, not an aborted process.
    if spec.len() >= 10 && crate::format::parse_format_spec(spec).is_ok_and(|f| f.width.is_some_and(|w| w > 1 << 32)) {
        return Err(crate::errors::memory_error());
    }
    match v {
        Value::Str(s) => format_str(s.as_str(), spec).map_err(value_error),
        Value::Int(i) if spec.is_empty() => Ok(i.to_string()),
        Value::Int(i) => format_int(&BigInt::from(*i), spec).map_err(int_error),
        Value::BigInt(b) if spec.is_empty() => protocol::bigint_to_str(b),
        Value::BigInt(b) => format_int(b, spec).map_err(int_error),
        Value::Bool(b) if spec.is_empty() => Ok(if b.get() { "True" } else { "False" }.to_string()),
        Value::Bool(b) => format_int(&BigInt::from(b.get() as i64), spec)
            .map_err(|m| int_error(m.replace("object of type 'int'", "object of type 'bool'"))),
        Value::Float(x) => format_float(x.get(), spec).map_err(value_error),
        Value::Instance(inst) if inst.class.lookup("__format__").is_some() => {
            let f = inst.class.lookup("__format__").unwrap_or(Value::None);
            match vm.call(&f, Args::new(vec![v.clone(), Value::str(spec)]))? {
                Value::Str(s) => Ok(s.as_str().to_string()),
                other => Err(type_error(format!("__format__ must return a str, not {}", type_name(&other)))),
            }
        }
        _ if spec.is_empty() => protocol::str(vm, v),
        _ => Err(type_error(format!("unsupported format string passed to {}.__format__", type_name(v)))),
    }
}

/// The exception for an int formatting error: a few are OverflowErrors in CPython.
fn int_error(msg: String) -> crate::errors::PyErr {
    match msg.as_str() {
        "int too large to convert to float"
        | "%c arg not in range(0x110000)"
        | "Python int too large to convert to C long" => overflow_error(msg),
        _ => value_error(msg),
    }
}

/// Where named fields come from: `format`'s keywords or `format_map`'s mapping.
enum Names<'a> {
    Keywords(&'a [(Arc<str>, Value)]),
    Mapping(&'a Value),
}

/// CPython's `AutoNumberState`: `{}` and `{0}` cannot be mixed.
#[derive(PartialEq, Eq)]
enum Numbering {
    Unset,
    Auto,
    Manual,
}

struct Formatter<'a> {
    /// Positional arguments; `None` for `format_map`.
    args: Option<&'a [Value]>,
    kw: Names<'a>,
    numbering: Numbering,
    /// The next automatic field number.
    next: usize,
}

/// One replacement field `{name!conv:spec}`, as char ranges of the format string.
struct Field<'s> {
    name: &'s [char],
    conversion: Option<char>,
    spec: &'s [char],
    spec_has_fields: bool,
}

impl<'a> Formatter<'a> {
    /// CPython's `build_string` / `do_markup`: literal text and replacement fields.
    fn build(&mut self, vm: &mut Vm, chars: &[char], depth: u32) -> PyResult<String> {
        if depth == 0 {
            return Err(value_error("Max string recursion exceeded"));
        }
        let n = chars.len();
        let mut out = String::with_capacity(n + 16);
        let mut i = 0;
        while i < n {
            let start = i;
            let mut brace = None;
            while i < n {
                let c = chars[i];
                i += 1;
                if c == '{' || c == '}' {
                    brace = Some(c);
                    break;
                }
            }
            let at_end = i >= n;
            let mut len = i - start;
            let mut markup = brace.is_some();
            if brace == Some('}') && (at_end || chars[i] != '}') {
                return Err(value_error("Single '}' encountered in format string"));
            }
            if at_end && brace == Some('{') {
                return Err(value_error("Single '{' encountered in format string"));
            }
            if !at_end {
                if brace == Some(chars[i]) {
                    // An escaped brace: the literal keeps one copy.
                    i += 1;
                    markup = false;
                } else {
                    len -= 1;
                }
            }
            out.extend(&chars[start..start + len]);
            if markup {
                let field = parse_field(chars, &mut i)?;
                self.output_field(vm, &field, depth, &mut out)?;
            }
        }
        Ok(out)
    }

    fn output_field(&mut self, vm: &mut Vm, field: &Field, depth: u32, out: &mut String) -> PyResult<()> {
        let mut obj = self.field_object(vm, field.name)?;
        if let Some(conv) = field.conversion {
            let text = match conv {
                'r' => protocol::repr(vm, &obj)?,
                's' => protocol::str(vm, &obj)?,
                'a' => crate::builtins::ascii_of(&protocol::repr(vm, &obj)?),
                c if (c as u32) > 32 && (c as u32) < 127 => {
                    return Err(value_error(format!("Unknown conversion specifier {c}")))
                }
                c => return Err(value_error(format!("Unknown conversion specifier \\x{:x}", c as u32))),
            };
            obj = Value::str(text);
        }
        let spec: String =
            if field.spec_has_fields { self.build(vm, field.spec, depth - 1)? } else { field.spec.iter().collect() };
        out.push_str(&format_value(vm, &obj, &spec)?);
        Ok(())
    }

    /// CPython's `get_field_object`: the argument named by the field, then any `.attr`
    /// and `[key]` lookups after it.
    fn field_object(&mut self, vm: &mut Vm, name: &[char]) -> PyResult<Value> {
        let first_len = name.iter().position(|&c| c == '.' || c == '[').unwrap_or(name.len());
        let first = &name[..first_len];
        let mut index = get_integer(first)?;
        let is_empty = first.is_empty();
        if is_empty || index.is_some() {
            if self.numbering == Numbering::Unset {
                self.numbering = if is_empty { Numbering::Auto } else { Numbering::Manual };
            }
            if self.numbering == Numbering::Manual && is_empty {
                return Err(value_error("cannot switch from manual field specification to automatic field numbering"));
            }
            if self.numbering == Numbering::Auto && !is_empty {
                return Err(value_error("cannot switch from automatic field numbering to manual field specification"));
            }
            if is_empty {
                index = Some(self.next);
                self.next += 1;
            }
        }
        let mut obj = match index {
            None => {
                let key: String = first.iter().collect();
                match &self.kw {
                    Names::Keywords(kw) => match kw.iter().find(|(k, _)| **k == *key) {
                        Some((_, v)) => v.clone(),
                        None => return Err(key_error(Value::str(key))),
                    },
                    Names::Mapping(m) => protocol::getitem(vm, m, &Value::str(key))?,
                }
            }
            Some(i) => match self.args {
                None => return Err(value_error("Format string contains positional fields")),
                Some(args) => match args.get(i) {
                    Some(v) => v.clone(),
                    None => {
                        return Err(index_error(format!(
                            "Replacement index {i} out of range for positional args tuple"
                        )))
                    }
                },
            },
        };
        let mut j = first_len;
        while j < name.len() {
            let c = name[j];
            j += 1;
            match c {
                '.' => {
                    let start = j;
                    while j < name.len() && name[j] != '.' && name[j] != '[' {
                        j += 1;
                    }
                    if start == j {
                        return Err(value_error("Empty attribute in format string"));
                    }
                    let attr: String = name[start..j].iter().collect();
                    obj = crate::attr::get_attr(vm, &obj, &attr)?;
                }
                '[' => {
                    let start = j;
                    while j < name.len() && name[j] != ']' {
                        j += 1;
                    }
                    if j >= name.len() {
                        return Err(value_error("Missing ']' in format string"));
                    }
                    let key = &name[start..j];
                    j += 1;
                    let index = get_integer(key)?;
                    if key.is_empty() {
                        return Err(value_error("Empty attribute in format string"));
                    }
                    let key = match index {
                        Some(i) => Value::Int(i as i64),
                        None => Value::str(key.iter().collect::<String>()),
                    };
                    obj = protocol::getitem(vm, &obj, &key)?;
                }
                _ => return Err(value_error("Only '.' or '[' may follow ']' in format field specifier")),
            }
        }
        Ok(obj)
    }
}

/// CPython's `get_integer`: the value of an all-decimal-digit name, else `None`.
fn get_integer(s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in s {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        acc = match acc.checked_mul(10).and_then(|a| a.checked_add(d as usize)) {
            Some(a) if a <= isize::MAX as usize => a,
            _ => return Err(value_error("Too many decimal digits in format string")),
        };
    }
    Ok(Some(acc))
}

/// CPython's `parse_field`, starting just after the `{`; leaves `i` after the `}`.
fn parse_field<'s>(chars: &'s [char], i: &mut usize) -> PyResult<Field<'s>> {
    let n = chars.len();
    let name_start = *i;
    let mut c = '\0';
    while *i < n {
        c = chars[*i];
        *i += 1;
        match c {
            '{' => return Err(value_error("unexpected '{' in field name")),
            '[' => {
                while *i < n && chars[*i] != ']' {
                    *i += 1;
                }
            }
            '}' | ':' | '!' => break,
            _ => {}
        }
    }
    let name = &chars[name_start..(*i).saturating_sub(1).max(name_start)];
    let mut field = Field { name, conversion: None, spec: &[], spec_has_fields: false };
    if c == '!' || c == ':' {
        if c == '!' {
            if *i >= n {
                return Err(value_error("end of string while looking for conversion specifier"));
            }
            field.conversion = Some(chars[*i]);
            *i += 1;
            if *i < n {
                let next = chars[*i];
                *i += 1;
                if next == '}' {
                    return Ok(field);
                }
                if next != ':' {
                    return Err(value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *i;
        let mut depth = 1;
        while *i < n {
            let c = chars[*i];
            *i += 1;
            match c {
                '{' => {
                    field.spec_has_fields = true;
                    depth += 1;
                }
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        field.spec = &chars[spec_start..*i - 1];
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(value_error("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(value_error("expected '}' before end of string"));
    }
    Ok(field)
}
