//! The searching and splitting methods of `str`: find/index/count with start and end,
//! startswith/endswith, replace, split/rsplit/splitlines, partition, and join.
//!
//! Searches run on the UTF-8 bytes of the `[start, end)` window (a substring match is a
//! byte match in UTF-8) and convert byte offsets back to char indices for the result.

use std::sync::Arc;

use super::{
    adjust, bind_kw, byte_at, char_at, char_count, check_size, is_space, new_str, slice_arg, ssize_arg, str_arg, this,
    this_n, Arity,
};
use crate::errors::{type_error, value_error, PyResult};
use crate::object::Args;
use crate::ops::type_name;
use crate::value::{PyStr, Value};
use crate::vm::Vm;

/// The `(sub, start, end)` arguments of find/count/index, with start and end adjusted.
fn sub_range(vm: &mut Vm, args: &mut Args, name: &str) -> PyResult<(Arc<PyStr>, Arc<PyStr>, i64, i64)> {
    let s = this_n(args, name, 1, 3, Arity::Legacy)?;
    let start = slice_arg(vm, args.pos.get(1))?;
    let end = slice_arg(vm, args.pos.get(2))?;
    let sub = str_arg(&args.pos[0], "")?.clone();
    let (start, end) = adjust(start, end, char_count(&s));
    Ok((s, sub, start, end))
}

/// The text of `s` between char indices `start <= end`, and its byte offset.
fn window(s: &Arc<PyStr>, start: i64, end: i64) -> (&str, usize) {
    let b0 = byte_at(s, start as usize);
    let b1 = byte_at(s, end as usize);
    (&s.as_str()[b0..b1], b0)
}

/// CPython's `any_find_slice`: the char index of the first (or last) match, or -1.
fn find_impl(vm: &mut Vm, mut args: Args, name: &str, reverse: bool) -> PyResult<i64> {
    let (s, sub, start, end) = sub_range(vm, &mut args, name)?;
    let sub_chars = sub.char_len() as i64;
    if end - start < sub_chars {
        return Ok(-1);
    }
    if sub_chars == 0 {
        return Ok(if reverse { end } else { start });
    }
    let (hay, b0) = window(&s, start, end);
    let found = if reverse { hay.rfind(sub.as_str()) } else { hay.find(sub.as_str()) };
    Ok(match found {
        Some(b) => char_at(&s, b0 + b) as i64,
        None => -1,
    })
}

pub(super) fn str_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, args, "find", false)?))
}

pub(super) fn str_rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, args, "rfind", true)?))
}

pub(super) fn str_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, args, "index", false)? {
        -1 => Err(value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

pub(super) fn str_rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, args, "rindex", true)? {
        -1 => Err(value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

pub(super) fn str_count(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (s, sub, start, end) = sub_range(vm, &mut args, "count")?;
    let sub_chars = sub.char_len() as i64;
    if end - start < sub_chars {
        return Ok(Value::Int(0));
    }
    if sub_chars == 0 {
        return Ok(Value::Int(end - start + 1));
    }
    let (hay, _) = window(&s, start, end);
    Ok(Value::Int(hay.matches(sub.as_str()).count() as i64))
}

/// startswith/endswith: `prefix` may be a str or a tuple of str.
fn affix_match(vm: &mut Vm, mut args: Args, name: &str, at_end: bool) -> PyResult<Value> {
    let s = this_n(&mut args, name, 1, 3, Arity::Legacy)?;
    let start = slice_arg(vm, args.pos.get(1))?;
    let end = slice_arg(vm, args.pos.get(2))?;
    let (start, end) = adjust(start, end, char_count(&s));
    let matches = |sub: &PyStr| -> bool {
        let sub_chars = sub.char_len() as i64;
        let last = end - sub_chars;
        if last < start {
            return false;
        }
        if sub_chars == 0 {
            return true;
        }
        let (from, to) = if at_end { (last, end) } else { (start, start + sub_chars) };
        let (hay, _) = window(&s, from, to);
        hay == sub.as_str()
    };
    match &args.pos[0] {
        Value::Str(sub) => Ok(Value::bool(matches(sub))),
        Value::Tuple(t) => {
            for item in t.items.iter() {
                match item {
                    Value::Str(sub) => {
                        if matches(sub) {
                            return Ok(Value::Bool(crate::value::PyBool::TRUE));
                        }
                    }
                    other => {
                        return Err(type_error(format!(
                            "tuple for {name} must only contain str, not {}",
                            type_name(other)
                        )))
                    }
                }
            }
            Ok(Value::Bool(crate::value::PyBool::FALSE))
        }
        other => Err(type_error(format!("{name} first arg must be str or a tuple of str, not {}", type_name(other)))),
    }
}

pub(super) fn str_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_match(vm, args, "startswith", false)
}

pub(super) fn str_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_match(vm, args, "endswith", true)
}

pub(super) fn str_replace(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this_n(&mut args, "replace", 2, 3, Arity::Clinic)?;
    let old = str_arg(&args.pos[0], "replace() argument 1 ")?.clone();
    let new = str_arg(&args.pos[1], "replace() argument 2 ")?.clone();
    let count = match args.pos.get(2) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let text = s.as_str();
    let limit = if count < 0 { usize::MAX } else { count as usize };
    if limit == 0 {
        return Ok(Value::Str(s));
    }
    if old.as_str().is_empty() {
        // An empty pattern matches before every char and at the end.
        let n = s.char_len();
        let inserts = limit.min(n + 1);
        check_size(new.as_str().len().saturating_mul(inserts).saturating_add(text.len()))?;
        let mut out = String::with_capacity(text.len() + new.as_str().len() * inserts);
        let mut done = 0;
        for c in text.chars() {
            if done < inserts {
                out.push_str(new.as_str());
                done += 1;
            }
            out.push(c);
        }
        if done < inserts {
            out.push_str(new.as_str());
        }
        return Ok(new_str(out));
    }
    if !text.contains(old.as_str()) {
        return Ok(Value::Str(s));
    }
    if new.as_str().len() > old.as_str().len() {
        let hits = text.matches(old.as_str()).count().min(limit);
        check_size((new.as_str().len() - old.as_str().len()).saturating_mul(hits).saturating_add(text.len()))?;
    }
    Ok(new_str(text.replacen(old.as_str(), new.as_str(), limit)))
}

/// The `(sep, maxsplit)` arguments of split/rsplit; maxsplit < 0 means no limit.
fn split_args(vm: &mut Vm, args: &mut Args, name: &str) -> PyResult<(Arc<PyStr>, Option<Arc<PyStr>>, usize)> {
    let s = this(args, name)?;
    let bound = bind_kw(args, name, &["sep", "maxsplit"])?;
    let sep = match &bound[0] {
        None | Some(Value::None) => None,
        Some(Value::Str(sep)) => {
            if sep.as_str().is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(sep.clone())
        }
        Some(other) => return Err(type_error(format!("must be str or None, not {}", type_name(other)))),
    };
    let maxsplit = match &bound[1] {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let maxsplit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    Ok((s, sep, maxsplit))
}

fn str_list(parts: Vec<&str>) -> Value {
    Value::list(parts.into_iter().map(Value::str).collect())
}

pub(super) fn str_split(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (s, sep, maxsplit) = split_args(vm, &mut args, "split")?;
    let text = s.as_str();
    let parts: Vec<&str> = match &sep {
        Some(sep) => text.splitn(maxsplit.saturating_add(1), sep.as_str()).collect(),
        None => split_whitespace(text, maxsplit),
    };
    Ok(str_list(parts))
}

pub(super) fn str_rsplit(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (s, sep, maxsplit) = split_args(vm, &mut args, "rsplit")?;
    let text = s.as_str();
    let mut parts: Vec<&str> = match &sep {
        Some(sep) => text.rsplitn(maxsplit.saturating_add(1), sep.as_str()).collect(),
        None => rsplit_whitespace(text, maxsplit),
    };
    parts.reverse();
    Ok(str_list(parts))
}

/// `split()` with no separator: runs of whitespace separate words; after `maxsplit`
/// splits the rest (leading whitespace removed, trailing kept) is the last word.
fn split_whitespace(text: &str, maxsplit: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text.trim_start_matches(is_space);
    while !rest.is_empty() {
        if parts.len() == maxsplit {
            parts.push(rest);
            break;
        }
        match rest.find(is_space) {
            Some(i) => {
                parts.push(&rest[..i]);
                rest = rest[i..].trim_start_matches(is_space);
            }
            None => {
                parts.push(rest);
                break;
            }
        }
    }
    parts
}

/// `rsplit()` with no separator; the words come back last first.
fn rsplit_whitespace(text: &str, maxsplit: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text.trim_end_matches(is_space);
    while !rest.is_empty() {
        if parts.len() == maxsplit {
            parts.push(rest);
            break;
        }
        match rest.rfind(is_space) {
            Some(i) => {
                let ws_len = rest[i..].chars().next().map_or(1, char::len_utf8);
                parts.push(&rest[i + ws_len..]);
                rest = rest[..i].trim_end_matches(is_space);
            }
            None => {
                parts.push(rest);
                break;
            }
        }
    }
    parts
}

/// Line boundaries for `splitlines`: `\r\n` counts as one.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

pub(super) fn str_splitlines(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this(&mut args, "splitlines")?;
    let bound = bind_kw(&mut args, "splitlines", &["keepends"])?;
    let keepends = match &bound[0] {
        None => false,
        Some(Value::BigInt(_)) => true,
        Some(v) => ssize_arg(vm, v)? != 0,
    };
    let text = s.as_str();
    let mut lines = Vec::new();
    let mut line_start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = iter.peek() {
                iter.next();
                end += 1;
            }
        }
        lines.push(if keepends { &text[line_start..end] } else { &text[line_start..i] });
        line_start = end;
    }
    if line_start < text.len() {
        lines.push(&text[line_start..]);
    }
    Ok(str_list(lines))
}

fn partition_impl(mut args: Args, name: &str, reverse: bool) -> PyResult<Value> {
    let s = this_n(&mut args, name, 1, 1, Arity::Clinic)?;
    let sep = str_arg(&args.pos[0], "")?.clone();
    if sep.as_str().is_empty() {
        return Err(value_error("empty separator"));
    }
    let text = s.as_str();
    let found = if reverse { text.rfind(sep.as_str()) } else { text.find(sep.as_str()) };
    let empty = || new_str(String::new());
    Ok(match found {
        Some(i) => Value::tuple(vec![
            new_str(text[..i].to_string()),
            Value::Str(sep.clone()),
            new_str(text[i + sep.as_str().len()..].to_string()),
        ]),
        None if reverse => Value::tuple(vec![empty(), empty(), Value::Str(s.clone())]),
        None => Value::tuple(vec![Value::Str(s.clone()), empty(), empty()]),
    })
}

pub(super) fn str_partition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(args, "partition", false)
}

pub(super) fn str_rpartition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(args, "rpartition", true)
}

pub(super) fn str_join(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let sep = this_n(&mut args, "join", 1, 1, Arity::Clinic)?;
    let iterable = &args.pos[0];
    let items = match iterable {
        Value::List(_) | Value::Tuple(_) => crate::protocol::collect(vm, iterable)?,
        _ => {
            let it = match crate::iter::get_iter(vm, iterable) {
                Ok(it) => it,
                Err(e) if e.matches("TypeError") => return Err(type_error("can only join an iterable")),
                Err(e) => return Err(e),
            };
            let mut items = Vec::new();
            while let Some(x) = crate::iter::next(vm, &it)? {
                items.push(x);
            }
            items
        }
    };
    if items.len() == 1 {
        if let Value::Str(only) = &items[0] {
            return Ok(Value::Str(only.clone()));
        }
    }
    let mut total = 0usize;
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Str(p) => total = total.saturating_add(p.as_str().len()),
            other => {
                return Err(type_error(format!("sequence item {i}: expected str instance, {} found", type_name(other))))
            }
        }
    }
    total = total.saturating_add(sep.as_str().len().saturating_mul(items.len().saturating_sub(1)));
    check_size(total)?;
    let mut out = String::with_capacity(total);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        if let Value::Str(p) = item {
            out.push_str(p.as_str());
        }
    }
    Ok(new_str(out))
}
