//! Case mapping (`upper`, `title`, `casefold`, ...) and the `is*` predicates of `str`.
//!
//! Rust's `char` gives the full upper/lower mappings and the Uppercase/Lowercase
//! properties, which are what CPython uses (corrected by `CASE_OVERRIDES` where Rust's
//! Unicode is newer than python3.11's 14.0); titlecase, case folding and the categories
//! behind `isalpha`, `isdecimal`, `isidentifier`, ... come from the generated tables in
//! `unicode_data` (see `unicode_data/generate.py`).

use std::sync::Arc;

use super::unicode_data;
use super::{is_space, new_str, this_n, Arity};
use crate::errors::PyResult;
use crate::methods::add_method;
use crate::object::{Args, Class};
use crate::value::{PyStr, Value};
use crate::vm::Vm;

pub(super) fn register(cls: &Arc<Class>) {
    add_method(cls, "upper", str_upper);
    add_method(cls, "lower", str_lower);
    add_method(cls, "title", str_title);
    add_method(cls, "capitalize", str_capitalize);
    add_method(cls, "swapcase", str_swapcase);
    add_method(cls, "casefold", str_casefold);
    add_method(cls, "isdigit", str_isdigit);
    add_method(cls, "isalpha", str_isalpha);
    add_method(cls, "isalnum", str_isalnum);
    add_method(cls, "isspace", str_isspace);
    add_method(cls, "isupper", str_isupper);
    add_method(cls, "islower", str_islower);
    add_method(cls, "isnumeric", str_isnumeric);
    add_method(cls, "isdecimal", str_isdecimal);
    add_method(cls, "isidentifier", str_isidentifier);
    add_method(cls, "istitle", str_istitle);
    add_method(cls, "isascii", str_isascii);
    add_method(cls, "isprintable", str_isprintable);
}

/// Whether `c` falls in one of the sorted, inclusive `ranges`.
pub(crate) fn in_table(ranges: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn map_lookup(map: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    let cp = c as u32;
    map.binary_search_by_key(&cp, |&(k, _)| k).ok().map(|i| map[i].1)
}

pub(super) fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_table(unicode_data::ALPHA, c)
    }
}

/// The decimal digit value of `c` (category Nd), as `int()` and `str.format` read it.
pub(super) fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let cp = c as u32;
    let i = unicode_data::DECIMAL.partition_point(|&(_, hi)| hi < cp);
    match unicode_data::DECIMAL.get(i) {
        Some(&(lo, _)) if lo <= cp => Some((cp - lo) % 10),
        _ => None,
    }
}

fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(unicode_data::DIGIT, c)
    }
}

fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(unicode_data::NUMERIC, c)
    }
}

fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && in_table(unicode_data::TITLECASE, c)
}

/// Python 3.11's case data for a char whose data changed in later Unicode versions.
fn case_override(c: char) -> Option<&'static (u32, bool, bool, &'static str, &'static str)> {
    let cp = c as u32;
    let table = unicode_data::CASE_OVERRIDES;
    table.binary_search_by_key(&cp, |o| o.0).ok().map(|i| &table[i])
}

/// The Unicode Lowercase property.
fn is_lower(c: char) -> bool {
    match case_override(c) {
        Some(o) => o.1,
        None => c.is_lowercase(),
    }
}

/// The Unicode Uppercase property.
fn is_upper(c: char) -> bool {
    match case_override(c) {
        Some(o) => o.2,
        None => c.is_uppercase(),
    }
}

fn is_cased(c: char) -> bool {
    is_upper(c) || is_lower(c) || is_titlecase(c)
}

fn push_upper(out: &mut String, c: char) {
    match case_override(c) {
        Some(o) => out.push_str(o.3),
        None => out.extend(c.to_uppercase()),
    }
}

fn push_lower_char(out: &mut String, c: char) {
    match case_override(c) {
        Some(o) => out.push_str(o.4),
        None => out.extend(c.to_lowercase()),
    }
}

fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '\'' | '.' | ':' | '^' | '`')
    } else {
        in_table(unicode_data::CASE_IGNORABLE, c)
    }
}

fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        (' '..='~').contains(&c)
    } else {
        in_table(unicode_data::PRINTABLE, c)
    }
}

/// CPython's `handle_capital_sigma`: U+03A3 lowercases to final sigma at a word's end.
fn lower_sigma(chars: &[char], i: usize) -> char {
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    let mut is_final = before.is_some_and(|&c| is_cased(c));
    if is_final {
        let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
        is_final = after.is_none_or(|&c| !is_cased(c));
    }
    if is_final {
        '\u{3c2}'
    } else {
        '\u{3c3}'
    }
}

/// Appends the lowercase of `chars[i]`, minding the final-sigma rule.
fn push_lower(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == '\u{3a3}' {
        out.push(lower_sigma(chars, i));
    } else {
        push_lower_char(out, c);
    }
}

fn push_title(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        match map_lookup(unicode_data::TITLE_MAP, c) {
            Some(t) => out.push_str(t),
            None => push_upper(out, c),
        }
    }
}

/// Pops the receiver of a method that takes no arguments.
fn no_args(args: &mut Args, name: &str) -> PyResult<Arc<PyStr>> {
    this_n(args, name, 0, 0, Arity::Clinic)
}

fn str_upper(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = no_args(&mut args, "upper")?;
    if s.is_ascii() {
        return Ok(new_str(s.as_str().to_ascii_uppercase()));
    }
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        push_upper(&mut out, c);
    }
    Ok(new_str(out))
}

fn str_lower(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = no_args(&mut args, "lower")?;
    if s.is_ascii() {
        return Ok(new_str(s.as_str().to_ascii_lowercase()));
    }
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.as_str().len());
    for i in 0..chars.len() {
        push_lower(&mut out, &chars, i);
    }
    Ok(new_str(out))
}

fn str_casefold(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = no_args(&mut args, "casefold")?;
    if s.is_ascii() {
        return Ok(new_str(s.as_str().to_ascii_lowercase()));
    }
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        match map_lookup(unicode_data::CASEFOLD_MAP, c) {
            Some(f) => out.push_str(f),
            None => push_lower_char(&mut out, c),
        }
    }
    Ok(new_str(out))
}

fn str_swapcase(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = no_args(&mut args, "swapcase")?;
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.as_str().len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper(c) {
            push_lower(&mut out, &chars, i);
        } else if is_lower(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Ok(new_str(out))
}

fn str_title(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = no_args(&mut args, "title")?;
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.as_str().len());
    let mut previous_is_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_is_cased {
            push_lower(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        previous_is_cased = is_cased(c);
    }
    Ok(new_str(out))
}

fn str_capitalize(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = no_args(&mut args, "capitalize")?;
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.as_str().len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower(&mut out, &chars, i);
        }
    }
    Ok(new_str(out))
}

/// A predicate true when the string is non-empty and every char satisfies `pred`.
fn all_chars(mut args: Args, name: &str, pred: fn(char) -> bool) -> PyResult<Value> {
    let s = no_args(&mut args, name)?;
    let text = s.as_str();
    Ok(Value::bool(!text.is_empty() && text.chars().all(pred)))
}

fn str_isdigit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(args, "isdigit", is_digit)
}

fn str_isalpha(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(args, "isalpha", is_alpha)
}

fn str_isalnum(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(args, "isalnum", |c| is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c))
}

fn str_isspace(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(args, "isspace", is_space)
}

fn str_isnumeric(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(args, "isnumeric", is_numeric)
}

fn str_isdecimal(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(args, "isdecimal", is_decimal)
}

fn str_isascii(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = no_args(&mut args, "isascii")?;
    Ok(Value::bool(s.is_ascii()))
}

fn str_isprintable(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = no_args(&mut args, "isprintable")?;
    Ok(Value::bool(s.as_str().chars().all(is_printable)))
}

fn str_isidentifier(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = no_args(&mut args, "isidentifier")?;
    let mut chars = s.as_str().chars();
    let Some(first) = chars.next() else {
        return Ok(Value::Bool(crate::value::PyBool::FALSE));
    };
    let start = if first.is_ascii() {
        first == '_' || first.is_ascii_alphabetic()
    } else {
        in_table(unicode_data::XID_START, first)
    };
    let rest = chars.all(|c| {
        if c.is_ascii() {
            c == '_' || c.is_ascii_alphanumeric()
        } else {
            in_table(unicode_data::XID_CONTINUE, c)
        }
    });
    Ok(Value::bool(start && rest))
}

fn str_isupper(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = no_args(&mut args, "isupper")?;
    let mut cased = false;
    for c in s.as_str().chars() {
        if is_lower(c) || is_titlecase(c) {
            return Ok(Value::Bool(crate::value::PyBool::FALSE));
        }
        cased |= is_upper(c);
    }
    Ok(Value::bool(cased))
}

fn str_islower(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = no_args(&mut args, "islower")?;
    let mut cased = false;
    for c in s.as_str().chars() {
        if is_upper(c) || is_titlecase(c) {
            return Ok(Value::Bool(crate::value::PyBool::FALSE));
        }
        cased |= is_lower(c);
    }
    Ok(Value::bool(cased))
}

fn str_istitle(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = no_args(&mut args, "istitle")?;
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.as_str().chars() {
        if is_upper(c) || is_titlecase(c) {
            if previous_is_cased {
                return Ok(Value::Bool(crate::value::PyBool::FALSE));
            }
            previous_is_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !previous_is_cased {
                return Ok(Value::Bool(crate::value::PyBool::FALSE));
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    Ok(Value::bool(cased))
}
