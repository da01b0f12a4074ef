//! printf-style `%` formatting of strings (`'%5.2f' % x`), following CPython 3.11's
//! `PyUnicode_Format`: the format string is read one conversion at a time, fetching
//! arguments as it goes, so that errors come out in CPython's order (a missing argument
//! before a bad conversion character after it, a missing mapping before an unclosed
//! key). The text layout of each conversion is left to `crate::format::percent`.

use num_bigint::BigInt;
use num_traits::FromPrimitive;

use crate::errors::{overflow_error, type_error, value_error, PyErr, PyResult};
use crate::format::{bigint_to_f64, percent_float, percent_int, percent_str, PercentFlags, PercentNum, PercentSpec};
use crate::object::Args;
use crate::ops::type_name;
use crate::protocol;
use crate::value::Value;
use crate::vm::Vm;

/// Widths and precisions beyond this would need more memory than we will allocate.
const MAX_WIDTH: usize = 1 << 32;

/// `fmt % args`: `args` is a tuple of positional values, a mapping (for `%(name)s`), or a
/// single value.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut state = ArgState::new(args);
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut cur = Cursor { chars: &chars, pos: 0, exhausted: false };
    while cur.pos < chars.len() {
        if chars[cur.pos] != '%' {
            let start = cur.pos;
            while cur.pos < chars.len() && chars[cur.pos] != '%' {
                cur.pos += 1;
            }
            out.extend(&chars[start..cur.pos]);
            continue;
        }
        cur.pos += 1;
        if chars.get(cur.pos) == Some(&'%') {
            cur.pos += 1;
            out.push('%');
            continue;
        }
        let (spec, width, precision) = parse_spec(vm, &mut cur, &mut state)?;
        out.push_str(&format_one(vm, &mut state, &spec, width, precision, cur.pos - 1)?);
    }
    if state.argidx < state.arglen && state.mapping.is_none() {
        return Err(type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

/// A read position in the format string. `exhausted` is CPython's `fmtcnt < 0`: a read
/// was attempted past the end (which makes the conversion incomplete).
struct Cursor<'a> {
    chars: &'a [char],
    pos: usize,
    exhausted: bool,
}

impl Cursor<'_> {
    /// Reads the next char, or records that there was none.
    fn take(&mut self) -> Option<char> {
        match self.chars.get(self.pos) {
            Some(&c) => {
                self.pos += 1;
                Some(c)
            }
            None => {
                self.exhausted = true;
                None
            }
        }
    }
}

/// CPython's `unicode_format_arg_parse`, starting just after the `%`: the mapping key
/// (looked up at once), flags, width and precision (fetching `*` values), and the
/// conversion char.
fn parse_spec(
    vm: &mut Vm,
    cur: &mut Cursor,
    state: &mut ArgState,
) -> PyResult<(PercentSpec, Option<usize>, Option<usize>)> {
    let mut ch = cur.chars.get(cur.pos).copied().unwrap_or('\0');
    if ch == '(' {
        let Some(mapping) = state.mapping.clone() else {
            return Err(type_error("format requires a mapping"));
        };
        cur.pos += 1;
        let key_start = cur.pos;
        let mut depth = 1;
        while depth > 0 {
            let Some(c) = cur.take() else { break };
            ch = c;
            match c {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
        }
        if cur.exhausted || depth > 0 {
            return Err(value_error("incomplete format key"));
        }
        let key: String = cur.chars[key_start..cur.pos - 1].iter().collect();
        state.current = protocol::getitem(vm, &mapping, &Value::str(key))?;
        state.arglen = -1;
        state.argidx = -2;
    }
    let mut flags = PercentFlags::default();
    while let Some(c) = cur.take() {
        ch = c;
        if !flags.set(c) {
            break;
        }
    }
    let mut width = None;
    if ch == '*' {
        let w = star_value(state, "Python int too large to convert to C ssize_t")?;
        if w < 0 {
            flags.minus = true;
        }
        width = Some(w.unsigned_abs() as usize);
        if let Some(c) = cur.take() {
            ch = c;
        }
    } else if ch.is_ascii_digit() {
        width = Some(read_digits(cur, &mut ch, isize::MAX as usize, "width too big")?);
    }
    let mut precision = None;
    if ch == '.' {
        precision = Some(0);
        if let Some(c) = cur.take() {
            ch = c;
        }
        if ch == '*' {
            let p = star_value(state, "Python int too large to convert to C int")?;
            if p > i32::MAX as i64 || p < i32::MIN as i64 {
                return Err(overflow_error("Python int too large to convert to C int"));
            }
            precision = Some(p.max(0) as usize);
            if let Some(c) = cur.take() {
                ch = c;
            }
        } else if ch.is_ascii_digit() {
            precision = Some(read_digits(cur, &mut ch, i32::MAX as usize, "precision too big")?);
        }
    }
    if !cur.exhausted && matches!(ch, 'h' | 'l' | 'L') {
        if let Some(c) = cur.take() {
            ch = c;
        }
    }
    if cur.exhausted {
        return Err(value_error("incomplete format"));
    }
    let spec = PercentSpec {
        key: None,
        flags,
        width: width.map(PercentNum::Fixed),
        precision: precision.map(PercentNum::Fixed),
        conv: ch,
    };
    Ok((spec, width, precision))
}

/// Reads a decimal number whose first digit is `ch`; leaves the char after it in `ch`.
fn read_digits(cur: &mut Cursor, ch: &mut char, max: usize, too_big: &str) -> PyResult<usize> {
    let mut v = ch.to_digit(10).unwrap_or(0) as usize;
    while let Some(c) = cur.take() {
        *ch = c;
        let Some(d) = c.to_digit(10) else { break };
        v = v
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= max)
            .ok_or_else(|| value_error(too_big))?;
    }
    Ok(v)
}

/// CPython's argument cursor: `arglen` is -1 for a single value (or a value fetched by
/// key), in which case `argidx` starts at -2 so that exactly one fetch succeeds.
struct ArgState {
    current: Value,
    items: Vec<Value>,
    arglen: i64,
    argidx: i64,
    mapping: Option<Value>,
}

impl ArgState {
    fn new(args: &Value) -> ArgState {
        let (items, arglen, argidx) = match args {
            Value::Tuple(t) => (t.items.to_vec(), t.items.len() as i64, 0),
            _ => (Vec::new(), -1, -2),
        };
        ArgState { current: args.clone(), items, arglen, argidx, mapping: is_mapping(args).then(|| args.clone()) }
    }

    fn next_arg(&mut self) -> PyResult<Value> {
        if self.argidx < self.arglen {
            let idx = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.current.clone());
            }
            return Ok(self.items[idx as usize].clone());
        }
        Err(type_error("not enough arguments for format string"))
    }
}

/// `PyMapping_Check(args) && !PyTuple_Check(args) && !PyUnicode_Check(args)`.
fn is_mapping(v: &Value) -> bool {
    match v {
        Value::Dict(_) | Value::List(_) | Value::Range(_) => true,
        Value::Instance(inst) => inst.class.lookup("__getitem__").is_some(),
        _ => false,
    }
}

/// Resolves a `*` width or precision from the next argument.
fn star_value(state: &mut ArgState, too_large: &str) -> PyResult<i64> {
    match state.next_arg()? {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b.get() as i64),
        Value::BigInt(_) => Err(overflow_error(too_large)),
        _ => Err(type_error("* wants int")),
    }
}

/// CPython's `unicode_format_arg_format`: fetches the value and converts it. `index` is
/// the position of the conversion char, for the error about an unknown one.
fn format_one(
    vm: &mut Vm,
    state: &mut ArgState,
    spec: &PercentSpec,
    width: Option<usize>,
    precision: Option<usize>,
    index: usize,
) -> PyResult<String> {
    let v = state.next_arg()?;
    if width.is_some_and(|w| w > MAX_WIDTH) || precision.is_some_and(|p| p > MAX_WIDTH) {
        return Err(crate::errors::memory_error());
    }
    Ok(match spec.conv {
        's' => percent_str(&protocol::str(vm, &v)?, spec, width, precision),
        'r' => percent_str(&protocol::repr(vm, &v)?, spec, width, precision),
        'a' => percent_str(&crate::builtins::ascii_of(&protocol::repr(vm, &v)?), spec, width, precision),
        'c' => percent_str(&char_arg(vm, &v)?.to_string(), spec, width, precision),
        'o' | 'x' | 'X' => {
            let n = match index_arg(vm, &v)? {
                Some(n) => n,
                None => {
                    return Err(type_error(format!(
                        "%{} format: an integer is required, not {}",
                        spec.conv,
                        type_name(&v)
                    )))
                }
            };
            percent_int(&n, spec, width, precision)
        }
        'd' | 'i' | 'u' => {
            let n = match int_arg(vm, &v)? {
                Some(n) => n,
                None => {
                    return Err(type_error(format!(
                        "%{} format: a real number is required, not {}",
                        spec.conv,
                        type_name(&v)
                    )))
                }
            };
            percent_int(&n, spec, width, precision)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => percent_float(float_arg(vm, &v)?, spec, width, precision),
        c => {
            let shown = if (31..=126).contains(&(c as u32)) { c } else { '?' };
            return Err(value_error(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {index}",
                c as u32
            )));
        }
    })
}

/// Calls a user class's special method `name` with no arguments, if it defines it.
fn call_special(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let Value::Instance(inst) = v else {
        return Ok(None);
    };
    let Some(f) = inst.class.lookup(name) else {
        return Ok(None);
    };
    vm.call(&f, Args::new(vec![v.clone()])).map(Some)
}

fn as_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(b.get() as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// `operator.index(v)`, or `None` when `v` has no integer value.
fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<BigInt>> {
    if let Some(n) = as_bigint(v) {
        return Ok(Some(n));
    }
    match call_special(vm, v, "__index__")? {
        Some(r) => match as_bigint(&r) {
            Some(n) => Ok(Some(n)),
            None => Err(type_error(format!("__index__ returned non-int (type {})", type_name(&r)))),
        },
        None => Ok(None),
    }
}

/// `int(v)` for `%d`: floats truncate; `None` when `v` is not a number.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<BigInt>> {
    if let Value::Float(x) = v {
        return float_to_int(x.get()).map(Some);
    }
    if let Some(r) = call_special(vm, v, "__int__")? {
        return match as_bigint(&r) {
            Some(n) => Ok(Some(n)),
            None => Err(type_error(format!("__int__ returned non-int (type {})", type_name(&r)))),
        };
    }
    index_arg(vm, v)
}

fn float_to_int(x: f64) -> PyResult<BigInt> {
    if x.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    Ok(BigInt::from_f64(x.trunc()).unwrap_or_default())
}

/// `float(v)` for `%e %f %g`.
fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(x) => return Ok(x.get()),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(b.get() as i64 as f64),
        Value::BigInt(b) => return bigint_to_f64(b).ok_or_else(|| overflow_error("int too large to convert to float")),
        _ => {}
    }
    if let Some(r) = call_special(vm, v, "__float__")? {
        return match r {
            Value::Float(x) => Ok(x.get()),
            other => {
                Err(type_error(format!("{}.__float__ returned non-float (type {})", type_name(v), type_name(&other))))
            }
        };
    }
    match index_arg(vm, v)? {
        Some(n) => bigint_to_f64(&n).ok_or_else(|| overflow_error("int too large to convert to float")),
        None => Err(type_error(format!("must be real number, not {}", type_name(v)))),
    }
}

/// The character for `%c`: a one-character str or a code point.
fn char_arg(vm: &mut Vm, v: &Value) -> PyResult<char> {
    let requires = || type_error("%c requires int or char");
    if let Value::Str(s) = v {
        let mut chars = s.as_str().chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(requires()),
        };
    }
    if matches!(v, Value::Float(_)) {
        return Err(requires());
    }
    let n = index_arg(vm, v)?.ok_or_else(requires)?;
    let out_of_range = || -> PyErr { overflow_error("%c arg not in range(0x110000)") };
    let cp = u32::try_from(n).map_err(|_| out_of_range())?;
    if cp > 0x10ffff {
        return Err(out_of_range());
    }
    // Lone surrogates cannot live in a Rust string; U+FFFD stands in for them.
    Ok(char::from_u32(cp).unwrap_or('\u{fffd}'))
}
