//! Methods of `int` and `float`, and the `int()`, `float()` and `bool()` constructors,
//! including CPython's rules for parsing numbers from strings.

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use crate::errors::{overflow_error, type_error, value_error, PyResult};
use crate::format::bigint_to_f64;
use crate::methods::{add_method, receiver, wrong_receiver};
use crate::object::Args;
use crate::ops::{to_bigint, type_name};
use crate::types::Types;
use crate::value::Value;
use crate::vm::Vm;

/// CPython 3.11's default limit on decimal digits in int <-> str conversions.
const MAX_STR_DIGITS: usize = 4300;

/// Registers the methods of `int` (inherited by `bool`) and `float`.
pub fn register(t: &Types) {
    add_method(&t.int, "bit_length", int_bit_length);
    add_method(&t.int, "bit_count", int_bit_count);
    add_method(&t.int, "conjugate", int_conjugate);
    add_method(&t.int, "as_integer_ratio", int_as_integer_ratio);
    add_method(&t.int, "__index__", int_conjugate);
    add_method(&t.int, "__int__", int_conjugate);
    add_method(&t.int, "__trunc__", int_conjugate);
    add_method(&t.int, "__float__", int_float);
    add_method(&t.float, "is_integer", float_is_integer);
    add_method(&t.float, "as_integer_ratio", float_as_integer_ratio);
    add_method(&t.float, "hex", float_hex);
    add_method(&t.float, "conjugate", float_conjugate);
    add_method(&t.float, "__float__", float_conjugate);
    add_method(&t.float, "__int__", float_int);
    add_method(&t.float, "__trunc__", float_int);
}

// ---------------------------------------------------------------------------
// int methods
// ---------------------------------------------------------------------------

/// The receiver of an int method, as a big int.
fn int_this(args: &mut Args, name: &str) -> PyResult<BigInt> {
    let v = receiver(args, "int", name, 0, 0)?;
    to_bigint(&v).ok_or_else(|| wrong_receiver("int", name, &v))
}

fn int_bit_length(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let n = int_this(&mut args, "bit_length")?;
    Ok(Value::Int(n.bits() as i64))
}

fn int_bit_count(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let n = int_this(&mut args, "bit_count")?;
    let ones: u64 = n.magnitude().to_u64_digits().iter().map(|d| d.count_ones() as u64).sum();
    Ok(Value::Int(ones as i64))
}

/// `conjugate()`, `__index__()`, `__int__()`, `__trunc__()`: the int itself (a bool
/// becomes a plain int).
fn int_conjugate(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let v = receiver(&mut args, "int", "conjugate", 0, 0)?;
    match v {
        Value::Bool(b) => Ok(Value::Int(b.get() as i64)),
        Value::Int(_) | Value::BigInt(_) => Ok(v),
        other => Err(wrong_receiver("int", "conjugate", &other)),
    }
}

fn int_as_integer_ratio(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let n = int_this(&mut args, "as_integer_ratio")?;
    Ok(Value::tuple(vec![Value::from_bigint(n), Value::Int(1)]))
}

fn int_float(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let n = int_this(&mut args, "__float__")?;
    Ok(Value::float(int_to_f64(&n)?))
}

fn int_to_f64(n: &BigInt) -> PyResult<f64> {
    match n.to_i64() {
        Some(i) => Ok(i as f64),
        None => bigint_to_f64(n).ok_or_else(|| overflow_error("int too large to convert to float")),
    }
}

// ---------------------------------------------------------------------------
// float methods
// ---------------------------------------------------------------------------

fn float_this(args: &mut Args, name: &str) -> PyResult<f64> {
    match receiver(args, "float", name, 0, 0)? {
        Value::Float(f) => Ok(f.get()),
        other => Err(wrong_receiver("float", name, &other)),
    }
}

fn float_is_integer(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let f = float_this(&mut args, "is_integer")?;
    Ok(Value::bool(f.is_finite() && f.fract() == 0.0))
}

fn float_conjugate(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let f = float_this(&mut args, "conjugate")?;
    Ok(Value::float(f))
}

fn float_int(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let f = float_this(&mut args, "__int__")?;
    float_to_int(f)
}

/// Truncates a float to an int, as `int(x)` does.
pub fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::Int(t as i64));
    }
    let b: Option<BigInt> = num_traits::FromPrimitive::from_f64(t);
    Ok(Value::from_bigint(b.unwrap_or_default()))
}

/// The mantissa and exponent of a finite float: `f == m * 2**e` exactly, with `m` odd
/// (or zero).
fn decompose(f: f64) -> (i64, i32) {
    if f == 0.0 {
        return (0, 0);
    }
    let bits = f.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = (bits & ((1 << 52) - 1)) as i64;
    let (mut m, mut e) = if biased == 0 { (frac, -1074) } else { (frac | (1 << 52), biased - 1075) };
    let tz = m.trailing_zeros() as i32;
    m >>= tz;
    e += tz;
    (sign * m, e)
}

fn float_as_integer_ratio(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let f = float_this(&mut args, "as_integer_ratio")?;
    if f.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    let (m, e) = decompose(f);
    let (num, den) = if e >= 0 {
        (BigInt::from(m) << (e as usize), BigInt::from(1))
    } else {
        (BigInt::from(m), BigInt::from(1) << ((-e) as usize))
    };
    Ok(Value::tuple(vec![Value::from_bigint(num), Value::from_bigint(den)]))
}

fn float_hex(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let f = float_this(&mut args, "hex")?;
    Ok(Value::str(float_to_hex(f)))
}

/// `float.hex()`: `0x1.8000000000000p+0`.
pub fn float_to_hex(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    let exp_sign = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{exp_sign}{}", exp.abs())
}

// ---------------------------------------------------------------------------
// Parsing numbers from strings
// ---------------------------------------------------------------------------

/// Python's `str.isspace()` for one character.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// First code points of the Unicode decimal digit (Nd) runs that `int()` and `float()`
/// accept besides ASCII (Arabic-Indic, Devanagari, fullwidth, ...).
const DECIMAL_ZEROS: &[u32] = &[
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0, 0xF20,
    0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0,
    0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x11066, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6,
];

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode digits become ASCII
/// digits and Unicode spaces become ' '; any other non-ASCII character becomes '?'
/// (which then fails to parse).
fn to_ascii_number(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                return c;
            }
            if is_py_space(c) {
                return ' ';
            }
            let cp = c as u32;
            for &zero in DECIMAL_ZEROS {
                if (zero..zero + 10).contains(&cp) {
                    return char::from(b'0' + (cp - zero) as u8);
                }
            }
            '?'
        })
        .collect()
}

/// `repr(s)` cut to 200 characters, as CPython's `%.200R` does.
fn short_repr(s: &str) -> String {
    let r = gilvm_compiler::dis::str_repr(s);
    r.chars().take(200).collect()
}

fn invalid_int_literal(s: &str, base: u32) -> crate::errors::PyErr {
    value_error(format!("invalid literal for int() with base {base}: {}", short_repr(s)))
}

/// `int(s, base)` for a string (CPython's `PyLong_FromString`).
pub fn parse_int(s: &str, base: u32) -> PyResult<Value> {
    let ascii = to_ascii_number(s);
    let bytes = ascii.trim_matches(|c: char| is_py_space(c)).as_bytes();
    let bad = || invalid_int_literal(s, base);
    let mut i = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let rest = &bytes[i..];
    let prefix_of = |b: u8| match b {
        b'x' | b'X' => Some(16),
        b'o' | b'O' => Some(8),
        b'b' | b'B' => Some(2),
        _ => None,
    };
    let mut radix = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        radix = match (rest.first(), rest.get(1)) {
            (Some(b'0'), Some(&c)) if prefix_of(c).is_some() => prefix_of(c).unwrap_or(10),
            (Some(b'0'), _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    let mut digits = rest;
    if digits.len() >= 2 && digits[0] == b'0' && prefix_of(digits[1]) == Some(radix) {
        digits = &digits[2..];
        if digits.first() == Some(&b'_') {
            digits = &digits[1..];
        }
    }
    // Digits, with single underscores only between digits.
    let mut clean = Vec::with_capacity(digits.len());
    let mut prev_underscore = true;
    for &b in digits {
        if b == b'_' {
            if prev_underscore {
                return Err(bad());
            }
            prev_underscore = true;
            continue;
        }
        let d = (b as char).to_digit(36).ok_or_else(bad)?;
        if d >= radix {
            return Err(bad());
        }
        clean.push(b);
        prev_underscore = false;
    }
    if clean.is_empty() || prev_underscore {
        return Err(bad());
    }
    if !radix.is_power_of_two() && clean.len() > MAX_STR_DIGITS {
        return Err(value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            clean.len()
        )));
    }
    let mut n = BigInt::parse_bytes(&clean, radix).ok_or_else(bad)?;
    if error_if_nonzero && !n.is_zero() {
        return Err(bad());
    }
    if negative {
        n = -n;
    }
    Ok(Value::from_bigint(n))
}

/// `float(s)` for a string (CPython's `PyFloat_FromString`).
pub fn parse_float(s: &str) -> PyResult<f64> {
    let bad = || value_error(format!("could not convert string to float: {}", gilvm_compiler::dis::str_repr(s)));
    let ascii = to_ascii_number(s);
    let text = ascii.trim_matches(|c: char| is_py_space(c));
    let (sign, body) = match text.as_bytes().first() {
        Some(b'-') => (-1.0, &text[1..]),
        Some(b'+') => (1.0, &text[1..]),
        _ => (1.0, text),
    };
    let lower = body.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Ok(sign * f64::INFINITY),
        "nan" => return Ok(if sign < 0.0 { -f64::NAN } else { f64::NAN }),
        _ => {}
    }
    // Check the grammar (digit groups joined by single underscores) and drop the
    // underscores; Rust's parser then rounds correctly.
    let b = body.as_bytes();
    let mut clean = String::with_capacity(b.len());
    let mut i = 0;
    let digit_part = |i: &mut usize, clean: &mut String| -> bool {
        let start = *i;
        while *i < b.len() {
            if b[*i].is_ascii_digit() {
                clean.push(b[*i] as char);
                *i += 1;
            } else if b[*i] == b'_' && *i > start && *i + 1 < b.len() && b[*i + 1].is_ascii_digit() {
                *i += 1;
            } else {
                break;
            }
        }
        *i > start
    };
    let int_digits = digit_part(&mut i, &mut clean);
    let mut frac_digits = false;
    if i < b.len() && b[i] == b'.' {
        clean.push('.');
        i += 1;
        frac_digits = digit_part(&mut i, &mut clean);
    }
    if !int_digits && !frac_digits {
        return Err(bad());
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        clean.push('e');
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            clean.push(b[i] as char);
            i += 1;
        }
        if !digit_part(&mut i, &mut clean) {
            return Err(bad());
        }
    }
    if i != b.len() {
        return Err(bad());
    }
    let v: f64 = clean.parse().map_err(|_| bad())?;
    Ok(sign * v)
}

// ---------------------------------------------------------------------------
// Constructors
// ---------------------------------------------------------------------------

/// Calls special method `name` of a user object, if its class defines it.
fn call_special(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    match v {
        Value::Instance(inst) => match inst.class.lookup(name) {
            Some(f) if !f.is_none() => Ok(Some(vm.call(&f, Args::new(vec![v.clone()]))?)),
            _ => Ok(None),
        },
        Value::Native(_) => match crate::protocol::class_of(v).lookup(name) {
            Some(f) => Ok(Some(vm.call(&f, Args::new(vec![v.clone()]))?)),
            None => Ok(None),
        },
        _ => Ok(None),
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
}

fn plain_int(v: Value) -> Value {
    match v {
        Value::Bool(b) => Value::Int(b.get() as i64),
        other => other,
    }
}

/// `int(x)` for one argument.
fn int_from(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    match x {
        Value::Int(_) | Value::BigInt(_) => return Ok(x.clone()),
        Value::Bool(b) => return Ok(Value::Int(b.get() as i64)),
        Value::Float(f) => return float_to_int(f.get()),
        Value::Str(s) => return parse_int(s.as_str(), 10),
        _ => {}
    }
    if let Some(r) = call_special(vm, x, "__int__")? {
        if !is_int(&r) {
            return Err(type_error(format!("__int__ returned non-int (type {})", type_name(&r))));
        }
        return Ok(plain_int(r));
    }
    if let Some(r) = call_special(vm, x, "__index__")? {
        if !is_int(&r) {
            return Err(type_error(format!("__index__ returned non-int (type {})", type_name(&r))));
        }
        return Ok(plain_int(r));
    }
    if let Some(r) = call_special(vm, x, "__trunc__")? {
        if is_int(&r) {
            return Ok(plain_int(r));
        }
        return match call_special(vm, &r, "__index__")? {
            Some(i) if is_int(&i) => Ok(plain_int(i)),
            _ => Err(type_error(format!("__trunc__ returned non-Integral (type {})", type_name(&r)))),
        };
    }
    Err(type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        type_name(x)
    )))
}

/// `int()`, `int(x)` and `int(x, base)`.
pub fn int_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let mut base_kw = None;
    for (name, v) in std::mem::take(&mut args.kw) {
        if &*name == "base" {
            base_kw = Some(v);
        } else {
            return Err(type_error(format!("'{name}' is an invalid keyword argument for int()")));
        }
    }
    let n = args.pos.len() + base_kw.is_some() as usize;
    if n > 2 {
        return Err(type_error(format!("int() takes at most 2 arguments ({n} given)")));
    }
    if args.pos.len() == 2 && base_kw.is_some() {
        return Err(type_error("argument for int() given by name ('base') and position (2)"));
    }
    let base = match base_kw.or_else(|| args.pos.get(1).cloned()) {
        None => None,
        Some(b) => Some(super::collections::index_arg(vm, &b)?),
    };
    let Some(x) = args.pos.first() else {
        return match base {
            None => Ok(Value::Int(0)),
            Some(_) => Err(type_error("int() missing string argument")),
        };
    };
    let Some(base) = base else {
        return int_from(vm, x);
    };
    if base != 0 && !(2..=36).contains(&base) {
        return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    match x {
        Value::Str(s) => parse_int(s.as_str(), base as u32),
        _ => Err(type_error("int() can't convert non-string with explicit base")),
    }
}

/// `float()` and `float(x)`.
pub fn float_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(type_error("float() takes no keyword arguments"));
    }
    if args.pos.len() > 1 {
        return Err(type_error(format!("float expected at most 1 argument, got {}", args.pos.len())));
    }
    let Some(x) = args.pos.first() else {
        return Ok(Value::float(0.0));
    };
    Ok(Value::float(match x {
        Value::Float(f) => f.get(),
        Value::Int(i) => *i as f64,
        Value::Bool(b) => b.get() as i64 as f64,
        Value::BigInt(b) => int_to_f64(b)?,
        Value::Str(s) => parse_float(s.as_str())?,
        _ => {
            if let Some(r) = call_special(vm, x, "__float__")? {
                return match r {
                    Value::Float(_) => Ok(r),
                    other => Err(type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        type_name(x),
                        type_name(&other)
                    ))),
                };
            }
            if let Some(r) = call_special(vm, x, "__index__")? {
                return match to_bigint(&r) {
                    Some(n) => Ok(Value::float(int_to_f64(&n)?)),
                    None => Err(type_error(format!("__index__ returned non-int (type {})", type_name(&r)))),
                };
            }
            return Err(type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                type_name(x)
            )));
        }
    }))
}

/// `bool()` and `bool(x)`.
pub fn bool_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(type_error("bool() takes no keyword arguments"));
    }
    match args.pos.len() {
        0 => Ok(Value::Bool(crate::value::PyBool::FALSE)),
        1 => Ok(Value::bool(crate::protocol::truthy(vm, &args.pos[0])?)),
        n => Err(type_error(format!("bool expected at most 1 argument, got {n}"))),
    }
}
