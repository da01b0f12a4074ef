//! Number and string literal scanning, following CPython's tokenizer rule by rule so that
//! the error messages and caret positions come out the same.

use crate::ast::Span;
use crate::error::{SyntaxError, SyntaxErrorKind};

/// A scanned numeric literal.
#[derive(Clone, Debug, PartialEq)]
pub enum Number {
    /// Decimal digits, no separators, no leading zeros.
    Int(String),
    Float(f64),
}

fn error(msg: impl Into<String>, start: usize, end: usize) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, Span::new(start, end))
}

fn is_potential_identifier_char(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 128
}

/// A byte cursor that behaves like CPython's `tok_nextc`/`tok_backup`: reading past the
/// end yields 0, and an error points at the last character read.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Offset of `bytes[0]` in the whole source, for spans.
    base: usize,
}

impl Cursor<'_> {
    fn next(&mut self) -> u8 {
        let byte = self.bytes.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        byte
    }

    fn backup(&mut self) {
        self.pos -= 1;
    }

    /// An error with the caret on the character before the cursor, as CPython reports it.
    fn error(&self, msg: impl Into<String>) -> SyntaxError {
        let at = self.base + self.pos.saturating_sub(1);
        error(msg, at, at)
    }

    fn peek_str(&self, text: &str) -> bool {
        self.bytes.get(self.pos..).is_some_and(|rest| rest.starts_with(text.as_bytes()))
    }

    /// CPython's `verify_end_of_number`: a literal may be followed directly by a few
    /// keywords (`1if x else y`), but not by any other identifier character.
    fn verify_end(&mut self, byte: u8, kind: &str) -> Result<(), SyntaxError> {
        let keyword_follows = match byte {
            b'a' => self.peek_str("nd"),
            b'e' => self.peek_str("lse"),
            b'f' => self.peek_str("or"),
            b'i' => self.peek_str("f") || self.peek_str("n") || self.peek_str("s"),
            b'n' => self.peek_str("ot"),
            b'o' => self.peek_str("r"),
            _ => false,
        };
        if !keyword_follows && is_potential_identifier_char(byte) {
            self.backup();
            return Err(self.error(format!("invalid {kind} literal")));
        }
        Ok(())
    }

    /// CPython's `tok_decimal_tail`: digits with single `_` separators.
    fn decimal_tail(&mut self) -> Result<u8, SyntaxError> {
        loop {
            let mut byte = self.next();
            while byte.is_ascii_digit() {
                byte = self.next();
            }
            if byte != b'_' {
                return Ok(byte);
            }
            let after = self.next();
            if !after.is_ascii_digit() {
                self.backup();
                return Err(self.error("invalid decimal literal"));
            }
        }
    }
}

/// Scans the numeric literal at the start of `text` (which starts with a digit or with
/// `.` and a digit). Returns its length in bytes and its value.
pub fn scan_number(text: &str, base: usize) -> Result<(usize, Number), SyntaxError> {
    let mut cur = Cursor { bytes: text.as_bytes(), pos: 0, base };
    let first = cur.next();
    let mut radix = 10;
    let mut byte;
    let mut is_float = false;
    if first == b'.' {
        byte = cur.next();
        is_float = true;
        byte = scan_fraction(&mut cur, byte)?;
        byte = scan_exponent_and_suffix(&mut cur, byte, &mut is_float, base)?;
    } else if first == b'0' {
        byte = cur.next();
        let (prefix_radix, kind) = match byte {
            b'x' | b'X' => (16, "hexadecimal"),
            b'o' | b'O' => (8, "octal"),
            b'b' | b'B' => (2, "binary"),
            _ => (10, "decimal"),
        };
        if prefix_radix != 10 {
            radix = prefix_radix;
            byte = scan_radix_digits(&mut cur, radix, kind)?;
            cur.verify_end(byte, kind)?;
        } else {
            // Maybe an old-style octal literal (an error); `0`, `00` and `0_0` are fine.
            loop {
                if byte == b'_' {
                    byte = cur.next();
                    if !byte.is_ascii_digit() {
                        cur.backup();
                        return Err(cur.error("invalid decimal literal"));
                    }
                }
                if byte != b'0' {
                    break;
                }
                byte = cur.next();
            }
            let zeros_end = cur.pos;
            let mut nonzero = false;
            if byte.is_ascii_digit() {
                nonzero = true;
                byte = cur.decimal_tail()?;
            }
            if byte == b'.' || byte == b'e' || byte == b'E' || byte == b'j' || byte == b'J' {
                if byte == b'.' {
                    is_float = true;
                    byte = cur.next();
                    byte = scan_fraction(&mut cur, byte)?;
                }
                byte = scan_exponent_and_suffix(&mut cur, byte, &mut is_float, base)?;
            } else if nonzero {
                return Err(error(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    base,
                    base + zeros_end - 1,
                ));
            } else {
                cur.verify_end(byte, "decimal")?;
            }
        }
    } else {
        byte = cur.decimal_tail()?;
        if byte == b'.' {
            is_float = true;
            byte = cur.next();
            byte = scan_fraction(&mut cur, byte)?;
        }
        byte = scan_exponent_and_suffix(&mut cur, byte, &mut is_float, base)?;
    }
    let _ = byte;
    cur.backup();
    let len = cur.pos;
    let literal = &text[..len];
    let cleaned: String = literal.chars().filter(|&c| c != '_').collect();
    if is_float {
        let value = cleaned.parse::<f64>().map_err(|_| error("invalid decimal literal", base, base))?;
        return Ok((len, Number::Float(value)));
    }
    let digits = if radix == 10 { cleaned.as_str() } else { &cleaned[2..] };
    Ok((len, Number::Int(to_decimal(digits, radix))))
}

/// Digits after `0x`/`0o`/`0b`, with `_` separators; returns the first byte after them.
fn scan_radix_digits(cur: &mut Cursor<'_>, radix: u32, kind: &str) -> Result<u8, SyntaxError> {
    let mut byte = cur.next();
    loop {
        if byte == b'_' {
            byte = cur.next();
        }
        if !(byte as char).is_digit(radix) {
            if radix != 16 && byte.is_ascii_digit() {
                return Err(cur.error(format!("invalid digit '{}' in {kind} literal", byte as char)));
            }
            cur.backup();
            return Err(cur.error(format!("invalid {kind} literal")));
        }
        while (byte as char).is_digit(radix) {
            byte = cur.next();
        }
        if byte != b'_' {
            break;
        }
    }
    if radix != 16 && byte.is_ascii_digit() {
        return Err(cur.error(format!("invalid digit '{}' in {kind} literal", byte as char)));
    }
    Ok(byte)
}

/// The digits after a decimal point, if any.
fn scan_fraction(cur: &mut Cursor<'_>, byte: u8) -> Result<u8, SyntaxError> {
    if byte.is_ascii_digit() {
        cur.decimal_tail()
    } else {
        Ok(byte)
    }
}

/// An optional exponent, then an optional `j` (reported: gilvm has no complex numbers),
/// then the end-of-number check.
fn scan_exponent_and_suffix(
    cur: &mut Cursor<'_>,
    mut byte: u8,
    is_float: &mut bool,
    base: usize,
) -> Result<u8, SyntaxError> {
    if byte == b'e' || byte == b'E' {
        let e = byte;
        byte = cur.next();
        if byte == b'+' || byte == b'-' {
            byte = cur.next();
            if !byte.is_ascii_digit() {
                cur.backup();
                return Err(cur.error("invalid decimal literal"));
            }
        } else if !byte.is_ascii_digit() {
            cur.backup();
            cur.verify_end(e, "decimal")?;
            // `1else`: the `e` starts the keyword, not an exponent.
            cur.backup();
            return Ok(cur.next());
        }
        *is_float = true;
        byte = cur.decimal_tail()?;
    }
    if byte == b'j' || byte == b'J' {
        let after = cur.next();
        cur.verify_end(after, "imaginary")?;
        let end = base + cur.pos - 1;
        return Err(error("complex numbers are not supported in gilvm", base, end));
    }
    cur.verify_end(byte, "decimal")?;
    Ok(byte)
}

/// Converts digits in `radix` (2, 8, 10 or 16) to decimal digits, at any length.
pub fn to_decimal(digits: &str, radix: u32) -> String {
    // Little-endian base-10^9 limbs: each input digit does limbs = limbs * radix + digit.
    const LIMB: u64 = 1_000_000_000;
    let mut limbs: Vec<u64> = vec![0];
    for c in digits.chars() {
        let mut carry = u64::from(c.to_digit(radix).unwrap_or(0));
        for limb in limbs.iter_mut() {
            let value = *limb * u64::from(radix) + carry;
            *limb = value % LIMB;
            carry = value / LIMB;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut out = String::new();
    for (i, limb) in limbs.iter().rev().enumerate() {
        if i == 0 {
            out.push_str(&limb.to_string());
        } else {
            out.push_str(&format!("{limb:09}"));
        }
    }
    out
}

/// The prefix flags of a string literal.
#[derive(Clone, Copy, Debug, Default)]
pub struct StrPrefix {
    pub raw: bool,
    pub format: bool,
    pub bytes: bool,
}

/// A scanned string literal: where its body is and how to read it.
#[derive(Clone, Copy, Debug)]
pub struct ScannedStr {
    pub prefix: StrPrefix,
    /// Byte length of the whole literal, prefix and quotes included.
    pub len: usize,
    /// Byte range of the body inside the literal (relative to the literal's start).
    pub body_start: usize,
    pub body_end: usize,
}

/// Scans the string literal at `start` in `source` (prefix letters, then a quote).
pub fn scan_string(source: &str, start: usize) -> Result<ScannedStr, SyntaxError> {
    let text = &source[start..];
    let bytes = text.as_bytes();
    let mut prefix = StrPrefix::default();
    let mut pos = 0;
    while pos < bytes.len() && bytes[pos] != b'\'' && bytes[pos] != b'"' {
        match bytes[pos].to_ascii_lowercase() {
            b'r' => prefix.raw = true,
            b'f' => prefix.format = true,
            b'b' => prefix.bytes = true,
            _ => {}
        }
        pos += 1;
    }
    let quote = bytes.get(pos).copied().unwrap_or(b'\'');
    let triple = bytes.get(pos..pos + 3) == Some(&[quote, quote, quote][..]);
    let quote_len = if triple { 3 } else { 1 };
    let body_start = pos + quote_len;
    let mut i = body_start;
    loop {
        let Some(&byte) = bytes.get(i) else {
            let last = source.len().saturating_sub(1).max(start);
            let line = line_of(source, last);
            let what = if triple { "unterminated triple-quoted string literal" } else { "unterminated string literal" };
            return Err(error(format!("{what} (detected at line {line})"), start, start));
        };
        if byte == b'\\' {
            // A backslash escapes the next character, even a quote or a newline.
            i += 1;
            if bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            i += 1;
            continue;
        }
        if !triple && (byte == b'\n' || byte == b'\r') {
            let line = line_of(source, start + i);
            return Err(error(format!("unterminated string literal (detected at line {line})"), start, start));
        }
        if byte == quote && (!triple || bytes.get(i..i + 3) == Some(&[quote, quote, quote][..])) {
            return Ok(ScannedStr { prefix, len: i + quote_len, body_start, body_end: i });
        }
        i += 1;
    }
}

/// 1-based line number of byte offset `pos`.
pub fn line_of(source: &str, pos: usize) -> usize {
    let end = pos.min(source.len());
    source.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Decodes the backslash escapes of a non-raw string body. `token_end` is where a
/// decoding error's caret goes (CPython puts it just after the literal).
pub fn decode_escapes(body: &str, token_end: usize) -> Result<String, SyntaxError> {
    if !body.contains('\\') {
        return Ok(body.to_string());
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, escaped)) = chars.next() else {
            out.push('\\');
            break;
        };
        match escaped {
            '\n' => {}
            '\r' => {
                if chars.peek().map(|&(_, c)| c) == Some('\n') {
                    chars.next();
                }
            }
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\u{7}'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\u{b}'),
            '0'..='7' => {
                let mut value = escaped.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|&(_, c)| c.to_digit(8)) {
                        Some(digit) => {
                            value = value * 8 + digit;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(value).unwrap_or('\u{FFFD}'));
            }
            'x' | 'u' | 'U' => {
                let (count, what) = match escaped {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut value: u32 = 0;
                let mut read = 0;
                while read < count {
                    match chars.peek().and_then(|&(_, c)| c.to_digit(16)) {
                        Some(digit) => {
                            value = value.wrapping_mul(16).wrapping_add(digit);
                            chars.next();
                            read += 1;
                        }
                        None => break,
                    }
                }
                let last = index + 1 + read;
                if read < count {
                    return Err(unicode_error(body, index, last, what, token_end));
                }
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    None if (0xD800..0xE000).contains(&value) => {
                        return Err(error(
                            "surrogate code points in string literals are not supported in gilvm",
                            token_end,
                            token_end,
                        ));
                    }
                    None => return Err(unicode_error(body, index, last, "illegal Unicode character", token_end)),
                }
            }
            'N' => {
                return Err(error("\\N{...} escapes are not supported in gilvm", token_end, token_end));
            }
            other => {
                // Unknown escapes keep their backslash, as in CPython.
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// CPython's "(unicode error) 'unicodeescape' codec can't decode bytes in position A-B"
/// message; positions count bytes of the body with each non-ASCII character as the
/// ten-byte `\UXXXXXXXX` escape that CPython rewrites it to before decoding.
fn unicode_error(body: &str, start: usize, last: usize, what: &str, token_end: usize) -> SyntaxError {
    let position = |byte_index: usize| -> usize {
        body.get(..byte_index)
            .map_or(byte_index, |prefix| prefix.chars().map(|c| if c.is_ascii() { 1 } else { 10 }).sum())
    };
    let msg = format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {what}",
        position(start),
        position(last)
    );
    error(msg, token_end, token_end)
}

#[cfg(test)]
mod tests {
    use super::to_decimal;

    #[test]
    fn converts_bases_to_decimal() {
        assert_eq!(to_decimal("ff", 16), "255");
        assert_eq!(to_decimal("0", 2), "0");
        assert_eq!(
            to_decimal("10000000000000000000000000000000000000000", 16),
            "1461501637330902918203684832716283019655932542976"
        );
        assert_eq!(to_decimal("777", 8), "511");
    }
}
