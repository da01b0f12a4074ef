//! Python-compatible text formatting: `repr(float)`, the `format()` mini-language for int/float/str, and printf-style `%` formatting (in `format/percent.rs`).
//!
//! Everything here is a pure function over plain Rust values; the interpreter supplies
//! the values and turns `Err(message)` into a `ValueError` (or, for the two messages
//! noted below, an `OverflowError`). The behaviour follows CPython 3.11's
//! `Python/formatter_unicode.c`, `Python/pystrtod.c` and `Objects/unicodeobject.c`.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

mod percent;
#[cfg(test)]
mod tests;

pub use percent::{
    parse_percent, percent_float, percent_int, percent_str, PercentFlags, PercentNum, PercentPiece, PercentSpec,
};

/// Largest width / precision we accept; CPython's limit for precision is `INT_MAX`.
const MAX_PRECISION: usize = i32::MAX as usize;

// ---------------------------------------------------------------------------
// Float -> decimal digits (built on Rust's correctly rounded formatting)
// ---------------------------------------------------------------------------

/// A decimal digit string without leading/trailing zeros (zero is `"0"` with `decpt` 1),
/// whose value is `0.DIGITS * 10**decpt`, like David Gay's `_Py_dg_dtoa` output.
struct Digits {
    digits: Vec<u8>,
    decpt: i64,
}

impl Digits {
    /// Builds from a digit run where the decimal point sits after `point` digits.
    fn from_run(run: Vec<u8>, point: i64) -> Digits {
        let lead = run.iter().take_while(|&&c| c == b'0').count();
        let mut digits: Vec<u8> = run[lead..].to_vec();
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        if digits.is_empty() {
            return Digits { digits: vec![b'0'], decpt: 1 };
        }
        Digits { digits, decpt: point - lead as i64 }
    }

    /// Parses Rust's `{:e}` output for a non-negative value, e.g. `1.2345e-5`.
    fn from_rust_exp(s: &str) -> Digits {
        let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
        let exp: i64 = exp.parse().unwrap_or(0);
        let run: Vec<u8> = mant.bytes().filter(|c| c.is_ascii_digit()).collect();
        let int_len = mant.split('.').next().map_or(0, |p| p.len()) as i64;
        Digits::from_run(run, int_len + exp)
    }

    /// Parses Rust's `{:.N}` output for a non-negative value, e.g. `123.4500`.
    fn from_rust_fixed(s: &str) -> Digits {
        let int_len = s.split('.').next().map_or(0, |p| p.len()) as i64;
        let run: Vec<u8> = s.bytes().filter(|c| c.is_ascii_digit()).collect();
        Digits::from_run(run, int_len)
    }

    fn is_zero(&self) -> bool {
        self.digits == b"0"
    }
}

/// Shortest round-tripping digits (dtoa mode 0).
fn shortest_digits(x: f64) -> Digits {
    Digits::from_rust_exp(&format!("{:e}", x.abs()))
}

/// `n >= 1` significant digits, correctly rounded (dtoa mode 2).
///
/// An f64's exact decimal expansion has at most 767 significant digits and 1074
/// fractional digits, so precisions are clamped below those bounds: the result is the
/// same (trailing zeros are stripped anyway) and Rust's formatter, which panics for
/// precisions above `u16::MAX`, stays in range.
fn significant_digits(x: f64, n: usize) -> Digits {
    let n = n.clamp(1, 800);
    Digits::from_rust_exp(&format!("{:.*e}", n - 1, x.abs()))
}

/// `n` digits after the decimal point, correctly rounded (dtoa mode 3).
fn fixed_digits(x: f64, n: usize) -> Digits {
    Digits::from_rust_fixed(&format!("{:.*}", n.min(1100), x.abs()))
}

/// CPython's `PyOS_double_to_string` (via `format_float_short`).
///
/// `code` is one of `e E f F g G r` (anything else is treated as `r`); `precision` is
/// ignored for `r`. `alternate` is `Py_DTSF_ALT`, `add_dot_0` is `Py_DTSF_ADD_DOT_0`
/// and `no_neg_0` is `Py_DTSF_NO_NEG_0`. The result has a leading `-` for negative
/// values (never a `+`).
pub fn double_to_string(
    x: f64,
    code: char,
    precision: usize,
    alternate: bool,
    add_dot_0: bool,
    no_neg_0: bool,
) -> String {
    let upper = matches!(code, 'E' | 'F' | 'G');
    let code = code.to_ascii_lowercase();
    let mut out = String::new();
    if x.is_nan() {
        out.push_str(if upper { "NAN" } else { "nan" });
        return out;
    }
    let negative = x.is_sign_negative();
    if x.is_infinite() {
        if negative {
            out.push('-');
        }
        out.push_str(if upper { "INF" } else { "inf" });
        return out;
    }
    let mut precision = precision.min(MAX_PRECISION) as i64;
    let d = match code {
        'e' => {
            precision += 1;
            significant_digits(x, precision as usize)
        }
        'f' => fixed_digits(x, precision as usize),
        'g' => {
            if precision == 0 {
                precision = 1;
            }
            significant_digits(x, precision as usize)
        }
        _ => shortest_digits(x),
    };
    let digits = &d.digits;
    let digits_len = digits.len() as i64;
    let mut decpt = d.decpt;
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    let use_alt = alternate;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if use_alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0i64;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    let sign = negative && !(no_neg_0 && d.is_zero());
    if sign {
        out.push('-');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&text(&digits[..decpt as usize]));
        out.push('.');
        out.push_str(&text(&digits[decpt as usize..]));
    } else {
        out.push_str(&text(digits));
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !use_alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// `repr(x)` / `str(x)` for a float: shortest round-trip digits, `1e+16` style above
/// 1e16 and below 1e-4, `1.0` for integral values, `inf`, `-inf`, `nan`, `-0.0`.
pub fn float_repr(x: f64) -> String {
    double_to_string(x, 'r', 0, false, true, false)
}

/// `'%.*f' % (precision, v)`: fixed-point with correct rounding (e.g. `2.675` -> `2.67`).
pub fn float_to_string_fixed(v: f64, precision: usize) -> String {
    double_to_string(v, 'f', precision, false, false, false)
}

/// `'%.*e' % (precision, v)`, e.g. `1.500000e+07`.
pub fn float_to_string_exp(v: f64, precision: usize) -> String {
    double_to_string(v, 'e', precision, false, false, false)
}

/// `'%.*g' % (precision, v)`.
pub fn float_to_string_general(v: f64, precision: usize) -> String {
    double_to_string(v, 'g', precision, false, false, false)
}

/// Correctly rounded (round-half-even) int -> float conversion, like `float(int)`.
/// `None` means CPython's `OverflowError: int too large to convert to float`.
pub fn bigint_to_f64(v: &BigInt) -> Option<f64> {
    let mag = v.magnitude();
    let bits = mag.bits();
    let value = if bits <= 64 {
        mag.to_u64()? as f64
    } else {
        let shift = bits - 64;
        let mut top = (mag >> shift).to_u64()?;
        if mag.trailing_zeros().unwrap_or(0) < shift {
            top |= 1; // sticky bit: keeps ties rounding correctly
        }
        if shift > 1023 {
            return None;
        }
        let scale = f64::from_bits((1023 + shift) << 52);
        top as f64 * scale
    };
    if value.is_infinite() {
        return None;
    }
    Some(if v.sign() == Sign::Minus { -value } else { value })
}

// ---------------------------------------------------------------------------
// The format-spec mini-language
// ---------------------------------------------------------------------------

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// `align` is `None` when not given (the caller's default applies: `>` for numbers, `<`
/// for strings), except that a leading `0` without explicit fill/align gives fill `'0'`
/// and align `'='` (numbers only). `grouping` is `','` or `'_'`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: Option<char>,
    /// The `z` flag (coerce negative zero to positive zero; floats only).
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub zero_pad: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Parses a format spec generically (numeric defaults: a leading `0` means `=` alignment).
/// Errors use the wording of CPython with type name `object` where a type is mentioned.
pub fn parse_format_spec(spec: &str) -> Result<FormatSpec, String> {
    parse_spec(spec, "object", '>', None)
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Reads a run of ASCII digits at `pos`; `Ok(None)` if there are none.
fn read_int(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let start = *pos;
    let mut value: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| "Too many decimal digits in format string".to_string())?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(value) })
}

/// Display form of a presentation type in error messages, as CPython writes it.
fn code_display(c: char) -> String {
    let n = c as u32;
    if n > 32 && n < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", n)
    }
}

fn unknown_code(c: char, type_name: &str) -> String {
    format!("Unknown format code '{}' for object of type '{}'", code_display(c), type_name)
}

/// CPython's `parse_internal_render_format_spec`.
fn parse_spec(
    spec: &str,
    type_name: &str,
    default_align: char,
    default_type: Option<char>,
) -> Result<FormatSpec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let n = chars.len();
    let mut f = FormatSpec {
        fill: ' ',
        align: None,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        zero_pad: false,
        width: None,
        grouping: None,
        precision: None,
        ty: default_type,
    };
    let mut pos = 0;
    let mut fill_given = false;
    if n >= 2 && is_align(chars[1]) {
        f.fill = chars[0];
        f.align = Some(chars[1]);
        fill_given = true;
        pos = 2;
    } else if n >= 1 && is_align(chars[0]) {
        f.align = Some(chars[0]);
        pos = 1;
    }
    if pos < n && matches!(chars[pos], '+' | '-' | ' ') {
        f.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < n && chars[pos] == 'z' {
        f.no_neg_zero = true;
        pos += 1;
    }
    if pos < n && chars[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if !fill_given && pos < n && chars[pos] == '0' {
        f.zero_pad = true;
        f.fill = '0';
        if f.align.is_none() && default_align == '>' {
            f.align = Some('=');
        }
        pos += 1;
    }
    f.width = read_int(&chars, &mut pos)?;
    const BOTH: &str = "Cannot specify both ',' and '_'.";
    if pos < n && chars[pos] == ',' {
        f.grouping = Some(',');
        pos += 1;
    }
    if pos < n && chars[pos] == '_' {
        if f.grouping.is_some() {
            return Err(BOTH.into());
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if pos < n && chars[pos] == ',' && f.grouping == Some('_') {
        return Err(BOTH.into());
    }
    if pos < n && chars[pos] == '.' {
        pos += 1;
        f.precision = read_int(&chars, &mut pos)?;
        if f.precision.is_none() {
            return Err("Format specifier missing precision".into());
        }
    }
    if n - pos > 1 {
        return Err(format!("Invalid format specifier '{}' for object of type '{}'", spec, type_name));
    }
    if n - pos == 1 {
        f.ty = Some(chars[pos]);
    }
    if let Some(g) = f.grouping {
        let ok = match f.ty {
            None => true,
            Some(t) => {
                matches!(t, 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F')
                    || (g == '_' && matches!(t, 'b' | 'o' | 'x' | 'X'))
            }
        };
        if !ok {
            let t = f.ty.unwrap_or('\0');
            return Err(format!("Cannot specify '{}' with '{}'.", g, code_display(t)));
        }
    }
    Ok(f)
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: groups `digits` (ASCII) by `group`
/// with `sep`, left-padding with zeros (and separators) up to `min_width`.
fn group_digits(digits: &str, min_width: i64, sep: Option<char>, group: i64) -> String {
    let digits = digits.as_bytes();
    let len = digits.len() as i64;
    if len == 0 {
        return String::new();
    }
    let Some(sep) = sep else {
        let l = len.max(min_width).max(1);
        let mut s = "0".repeat((l - len) as usize);
        s.push_str(&String::from_utf8_lossy(digits));
        return s;
    };
    let mut chunks: Vec<String> = Vec::new();
    let mut remaining = len;
    let mut min_width = min_width;
    loop {
        let l = group.min(remaining.max(min_width).max(1));
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        let mut chunk = "0".repeat(n_zeros as usize);
        chunk.push_str(&String::from_utf8_lossy(&digits[(remaining - n_chars) as usize..remaining as usize]));
        chunks.push(chunk);
        remaining -= n_chars;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    chunks.reverse();
    chunks.join(&sep.to_string())
}

fn push_fill(out: &mut String, fill: char, n: i64) {
    for _ in 0..n.max(0) {
        out.push(fill);
    }
}

/// CPython's `calc_number_widths` + `fill_number`. `body` is the number without its
/// sign or prefix: a leading run of ASCII digits (`digit_len` bytes) that gets grouped,
/// followed by an ungrouped remainder (decimal point, fraction, exponent, `%`, ...).
fn layout_number(
    f: &FormatSpec,
    negative: bool,
    prefix: &str,
    body: &str,
    digit_len: usize,
    sep: Option<char>,
    group: i64,
) -> String {
    let sign = match f.sign {
        Some('+') => Some(if negative { '-' } else { '+' }),
        Some(' ') => Some(if negative { '-' } else { ' ' }),
        _ => negative.then_some('-'),
    };
    let (digits, rest) = body.split_at(digit_len.min(body.len()));
    let rest_len = rest.chars().count() as i64;
    let non_digit = sign.is_some() as i64 + prefix.chars().count() as i64 + rest_len;
    let width = f.width.map_or(-1, |w| w as i64);
    let align = f.align.unwrap_or('>');
    let min_width = if f.fill == '0' && align == '=' { width - non_digit } else { 0 };
    let grouped = group_digits(digits, min_width, sep, group);
    let padding = width - (non_digit + grouped.chars().count() as i64);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if padding > 0 {
        match align {
            '<' => rpad = padding,
            '^' => {
                lpad = padding / 2;
                rpad = padding - lpad;
            }
            '=' => spad = padding,
            _ => lpad = padding,
        }
    }
    let mut out = String::new();
    push_fill(&mut out, f.fill, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(prefix);
    push_fill(&mut out, f.fill, spad);
    out.push_str(&grouped);
    out.push_str(rest);
    push_fill(&mut out, f.fill, rpad);
    out
}

/// Separator and group size for a spec (no locale: `n` never groups).
fn grouping_of(f: &FormatSpec) -> (Option<char>, i64) {
    match (f.grouping, f.ty) {
        (Some('_'), Some('b' | 'o' | 'x' | 'X')) => (Some('_'), 4),
        (Some(g), _) => (Some(g), 3),
        (None, _) => (None, 3),
    }
}

/// `format(v, spec)` for an `int`.
///
/// Errors are `ValueError` messages, except `"int too large to convert to float"` and
/// `"%c arg not in range(0x110000)"` / `"Python int too large to convert to C long"`,
/// which CPython raises as `OverflowError`.
pub fn format_int(v: &BigInt, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(v.to_string());
    }
    let f = parse_spec(spec, "int", '>', Some('d'))?;
    let ty = f.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long(v, &f, ty),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = bigint_to_f64(v).ok_or_else(|| "int too large to convert to float".to_string())?;
            format_float_spec(x, &f)
        }
        _ => Err(unknown_code(ty, "int")),
    }
}

fn format_long(v: &BigInt, f: &FormatSpec, ty: char) -> Result<String, String> {
    if f.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    if f.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".into());
    }
    if ty == 'c' {
        if f.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".into());
        }
        if f.alternate {
            return Err("Alternate form (#) not allowed with integer format specifier 'c'".into());
        }
        let x = v.to_i64().ok_or_else(|| "Python int too large to convert to C long".to_string())?;
        if !(0..=0x10ffff).contains(&x) {
            return Err("%c arg not in range(0x110000)".into());
        }
        // Lone surrogates cannot live in a Rust string; U+FFFD stands in for them.
        let c = char::from_u32(x as u32).unwrap_or('\u{fffd}');
        return Ok(layout_number(f, false, "", &c.to_string(), 0, None, 3));
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude().to_str_radix(radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let prefix = if f.alternate { prefix } else { "" };
    let (sep, group) = grouping_of(f);
    let len = digits.len();
    Ok(layout_number(f, v.is_negative(), prefix, &digits, len, sep, group))
}

/// `format(v, spec)` for a `float`.
pub fn format_float(v: f64, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(float_repr(v));
    }
    let f = parse_spec(spec, "float", '>', None)?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_spec(v, &f),
        Some(t) => Err(unknown_code(t, "float")),
    }
}

/// CPython's `format_float_internal`.
fn format_float_spec(v: f64, f: &FormatSpec) -> Result<String, String> {
    if f.precision.is_some_and(|p| p > MAX_PRECISION) {
        return Err("precision too big".into());
    }
    let mut add_dot_0 = false;
    let mut default_precision = 6;
    let mut ty = f.ty.unwrap_or('\0');
    if ty == '\0' {
        add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = v;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let precision = match f.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let mut s = double_to_string(val, ty, precision, f.alternate, add_dot_0, f.no_neg_zero);
    if add_pct {
        s.push('%');
    }
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    let digit_len = body.bytes().take_while(|c| c.is_ascii_digit()).count();
    let (sep, group) = grouping_of(f);
    Ok(layout_number(f, negative, "", body, digit_len, sep, group))
}

/// `format(s, spec)` for a `str`: fill, alignment, width and precision (truncation).
pub fn format_str(s: &str, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let f = parse_spec(spec, "str", '<', Some('s'))?;
    match f.ty {
        Some('s') | None => {}
        Some(t) => return Err(unknown_code(t, "str")),
    }
    match f.sign {
        Some(' ') => return Err("Space not allowed in string format specifier".into()),
        Some(_) => return Err("Sign not allowed in string format specifier".into()),
        None => {}
    }
    if f.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in string format specifier".into());
    }
    if f.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    if f.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    let total_chars = s.chars().count();
    let len = f.precision.map_or(total_chars, |p| p.min(total_chars));
    let total = f.width.map_or(len, |w| w.max(len));
    let lpad = match f.align.unwrap_or('<') {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let mut out = String::new();
    push_fill(&mut out, f.fill, lpad as i64);
    out.extend(s.chars().take(len));
    push_fill(&mut out, f.fill, (total - len - lpad) as i64);
    Ok(out)
}
