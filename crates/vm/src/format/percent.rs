//! printf-style `%` formatting (`'%5.2f' % x`), following CPython 3.11's `PyUnicode_Format`.
//!
//! The interpreter drives the loop: [`parse_percent`] splits the format string into
//! pieces; for each [`PercentSpec`] the VM fetches the argument (by `key` from a mapping,
//! or positionally, first fetching `*` width/precision ints), converts it, and calls
//! [`percent_int`], [`percent_float`] or [`percent_str`].
//!
//! Resolving `*`: a negative width means left-justify (set `flags.minus` on a copy of
//! the spec and pass the absolute value); a negative precision behaves like 0.

use num_bigint::BigInt;
use num_traits::Signed;

use super::double_to_string;

/// One piece of a `%` format string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PercentPiece {
    /// Literal text (with every `%%` already turned into `%`).
    Literal(String),
    Spec(PercentSpec),
}

/// One conversion specifier: `%[(key)][flags][width][.precision][h|l|L]conv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentSpec {
    pub key: Option<String>,
    pub flags: PercentFlags,
    pub width: Option<PercentNum>,
    pub precision: Option<PercentNum>,
    /// One of `d i u o x X e E f F g G c r s a`.
    pub conv: char,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-`: left-justify.
    pub minus: bool,
    /// `+`: always print a sign for numbers.
    pub plus: bool,
    /// ` `: print a space before non-negative numbers.
    pub space: bool,
    /// `0`: zero-pad numbers.
    pub zero: bool,
    /// `#`: alternate form (`0x`/`0o` prefixes, keep the point for floats).
    pub alternate: bool,
}

/// A width or precision: given in the format, or `*` (taken from the arguments).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentNum {
    Fixed(usize),
    Star,
}

/// Splits a `%` format string into literal text and conversion specs.
///
/// Errors (CPython's `ValueError` messages): `incomplete format`,
/// `incomplete format key`, `width too big`, `precision too big`,
/// `unsupported format character 'z' (0x7a) at index 3`. Unlike CPython, which only
/// notices a bad specifier when it reaches it, these are reported before any argument
/// is consumed.
impl PercentFlags {
    /// Records flag character `c` (`-`, `+`, space, `#`, `0`); false if `c` is not a flag.
    pub fn set(&mut self, c: char) -> bool {
        match c {
            '-' => self.minus = true,
            '+' => self.plus = true,
            ' ' => self.space = true,
            '#' => self.alternate = true,
            '0' => self.zero = true,
            _ => return false,
        }
        true
    }
}

pub fn parse_percent(fmt: &str) -> Result<Vec<PercentPiece>, String> {
    let chars: Vec<char> = fmt.chars().collect();
    let n = chars.len();
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut i = 0;
    let incomplete = || "incomplete format".to_string();
    while i < n {
        let c = chars[i];
        i += 1;
        if c != '%' {
            literal.push(c);
            continue;
        }
        if i < n && chars[i] == '%' {
            literal.push('%');
            i += 1;
            continue;
        }
        let mut key = None;
        if i < n && chars[i] == '(' {
            let start = i + 1;
            let mut depth = 1;
            i += 1;
            while i < n && depth > 0 {
                match chars[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err("incomplete format key".into());
            }
            key = Some(chars[start..i - 1].iter().collect::<String>());
        }
        let mut flags = PercentFlags::default();
        while i < n {
            if !flags.set(chars[i]) {
                break;
            }
            i += 1;
        }
        let width = read_num(&chars, &mut i, isize::MAX as usize, "width too big")?;
        let mut precision = None;
        if i < n && chars[i] == '.' {
            i += 1;
            precision =
                Some(read_num(&chars, &mut i, i32::MAX as usize, "precision too big")?.unwrap_or(PercentNum::Fixed(0)));
        }
        if i < n && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= n {
            return Err(incomplete());
        }
        let conv = chars[i];
        i += 1;
        if !matches!(
            conv,
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'c' | 'r' | 's' | 'a'
        ) {
            let code = conv as u32;
            let shown = if (31..=126).contains(&code) { conv } else { '?' };
            return Err(format!("unsupported format character '{}' (0x{:x}) at index {}", shown, code, i - 1));
        }
        if !literal.is_empty() {
            pieces.push(PercentPiece::Literal(std::mem::take(&mut literal)));
        }
        pieces.push(PercentPiece::Spec(PercentSpec { key, flags, width, precision, conv }));
    }
    if !literal.is_empty() {
        pieces.push(PercentPiece::Literal(literal));
    }
    Ok(pieces)
}

/// Reads `*` or a run of digits (`None` if neither is present).
fn read_num(chars: &[char], i: &mut usize, max: usize, too_big: &str) -> Result<Option<PercentNum>, String> {
    if chars.get(*i) == Some(&'*') {
        *i += 1;
        return Ok(Some(PercentNum::Star));
    }
    let start = *i;
    let mut v: usize = 0;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        v = v
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= max)
            .ok_or_else(|| too_big.to_string())?;
        *i += 1;
    }
    Ok((*i > start).then_some(PercentNum::Fixed(v)))
}

/// `%d %i %u %o %x %X` of an int (the VM converts floats etc. with `int()` first).
/// `precision` is a minimum digit count.
pub fn percent_int(v: &BigInt, spec: &PercentSpec, width: Option<usize>, precision: Option<usize>) -> String {
    let (radix, prefix) = match spec.conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude().to_str_radix(radix);
    if spec.conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut s = String::new();
    if v.is_negative() {
        s.push('-');
    }
    if spec.flags.alternate {
        s.push_str(prefix);
    }
    if let Some(p) = precision {
        for _ in digits.len()..p {
            s.push('0');
        }
    }
    s.push_str(&digits);
    output(&s, spec, width, precision, true)
}

/// `%e %E %f %F %g %G` of a float (default precision 6).
pub fn percent_float(v: f64, spec: &PercentSpec, width: Option<usize>, precision: Option<usize>) -> String {
    let prec = precision.unwrap_or(6);
    let s = double_to_string(v, spec.conv, prec, spec.flags.alternate, false, false);
    output(&s, spec, width, precision, true)
}

/// `%s %r %a %c` once the VM has produced the text (`str()`, `repr()`, `ascii()`, or the
/// single character). Precision truncates for `s r a`; only `-` and width matter otherwise.
pub fn percent_str(s: &str, spec: &PercentSpec, width: Option<usize>, precision: Option<usize>) -> String {
    output(s, spec, width, precision, false)
}

/// CPython's `unicode_format_arg_output`.
fn output(s: &str, spec: &PercentSpec, width: Option<usize>, precision: Option<usize>, numeric: bool) -> String {
    let flags = &spec.flags;
    let conv = spec.conv;
    let chars: Vec<char> = s.chars().collect();
    let mut len = chars.len();
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    if width.is_none_or(|w| w <= len) && precision.is_none_or(|p| p >= len) && !(flags.plus || flags.space) {
        return s.to_string();
    }
    if matches!(conv, 's' | 'r' | 'a') {
        if let Some(p) = precision {
            len = len.min(p);
        }
    }
    let mut pindex = 0;
    let mut sign = numeric;
    let mut signchar = '\0';
    if sign {
        match chars.first() {
            Some(&c) if c == '-' || c == '+' => {
                signchar = c;
                len -= 1;
                pindex = 1;
            }
            _ if flags.plus => signchar = '+',
            _ if flags.space => signchar = ' ',
            _ => sign = false,
        }
    }
    let mut width = width.unwrap_or(0).max(len);
    let mut out = String::new();
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let alt_prefix = flags.alternate && matches!(conv, 'x' | 'X' | 'o') && len >= 2;
    if alt_prefix {
        if fill != ' ' {
            out.push('0');
            out.push(conv);
            pindex += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !flags.minus {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if alt_prefix {
            out.push('0');
            out.push(conv);
            pindex += 2;
        }
    }
    out.extend(chars.iter().skip(pindex).take(len));
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
    out
}
