//! "Did you mean" hints for NameError and AttributeError, chosen the way CPython 3.11
//! chooses them (Python/suggestions.c): the candidate with the smallest edit distance,
//! where changing a letter's case costs 1 and any other edit 2, and at most about a
//! third of the characters involved may change.
//!
//! A NameError's candidates (the frame's locals, then its globals, then the builtins)
//! are gathered when it is raised, since the frame is gone by the time the traceback is
//! printed. An AttributeError keeps the object (`obj`, as in CPython), and the hint is
//! worked out only if the error is printed: `hasattr` and `getattr(x, n, default)` raise
//! and swallow many of them.

use crate::errors::PyErr;
use crate::value::Value;
use crate::vm::Vm;

/// Cost of an insertion, a deletion, or a substitution by another letter.
const EDIT: usize = 2;
/// Cost of substituting a letter by itself in the other case.
const CASE: usize = 1;
/// Longer names (after trimming a common prefix and suffix) are not compared.
const MAX_LEN: usize = 40;
/// At most this many candidates are looked at, as in CPython.
const MAX_CANDIDATES: usize = 750;

/// The candidate closest to `name`, if any is close enough. Ties go to the earliest.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut best: Option<(&str, usize)> = None;
    for (seen, cand) in candidates.into_iter().enumerate() {
        if seen >= MAX_CANDIDATES {
            return None;
        }
        if cand == name {
            continue;
        }
        let mut limit = (name.len() + cand.len() + 3) * EDIT / 6;
        if let Some((_, d)) = best {
            limit = limit.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), cand.as_bytes(), limit);
        if d <= limit && best.is_none_or(|(_, b)| d < b) {
            best = Some((cand, d));
        }
    }
    best.map(|(s, _)| s.to_string())
}

fn substitution(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE
    } else {
        EDIT
    }
}

/// The weighted edit distance between `a` and `b`, or something above `limit` once it
/// is certain to exceed it.
fn distance<'s>(mut a: &'s [u8], mut b: &'s [u8], limit: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * EDIT;
    }
    if a.len() > MAX_LEN || b.len() > MAX_LEN {
        return limit + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * EDIT > limit {
        return limit + 1;
    }
    // One row of the classic table: row[i] is the cost of turning b[..j] into a[..i+1].
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * EDIT).collect();
    let mut result = 0;
    for (j, &bc) in b.iter().enumerate() {
        let mut diagonal = j * EDIT;
        result = diagonal;
        let mut row_min = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = diagonal + substitution(bc, ac);
            diagonal = row[i];
            result = substitute.min(result.min(diagonal) + EDIT);
            row[i] = result;
            row_min = row_min.min(result);
        }
        if row_min > limit {
            return limit + 1;
        }
    }
    result
}

/// A NameError for `name` raised in frame `fi`, carrying its hint.
pub fn name_error(vm: &Vm, fi: usize, name: &str) -> PyErr {
    let err = crate::errors::name_error(name);
    let frame = &vm.frames[fi];
    let varnames = frame.func.code.co.varnames.iter().map(|s| &**s);
    let globals = frame.func.globals.keys();
    let global_names = globals.iter().filter_map(|k| k.as_str());
    let builtins = vm.interp.builtins.keys();
    let builtin_names = builtins.iter().filter_map(|k| k.as_str());
    let hint = closest(name, varnames).or_else(|| closest(name, global_names)).or_else(|| closest(name, builtin_names));
    if let (Some(hint), Some(state)) = (hint, &err.0.exc) {
        state.lock().suggestion = Some(hint);
    }
    err
}

/// The hint for a printed exception: a NameError's, or one worked out now for an
/// AttributeError from its `obj` and `name`.
pub fn hint_for(vm: &mut Vm, exc: &Value) -> Option<String> {
    let Value::Instance(inst) = exc else { return None };
    if let Some(s) = inst.exc.as_ref().and_then(|st| st.lock().suggestion.clone()) {
        return Some(s);
    }
    if !inst.class.is_subclass(&crate::types::types().exc("AttributeError")) {
        return None;
    }
    let (Some(obj), Some(Value::Str(name))) = (inst.get_attr("obj"), inst.get_attr("name")) else {
        return None;
    };
    let names = crate::builtins::dir_names(vm, &obj);
    closest(name.as_str(), names.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_closest_name_like_cpython() {
        let names = ["value", "values", "valid"];
        assert_eq!(closest("valeu", names).as_deref(), Some("value"));
        assert_eq!(closest("Value", names).as_deref(), Some("value"));
        assert_eq!(closest("lenght", ["len", "length"]).as_deref(), Some("length"));
        assert_eq!(closest("prnt", ["print", "input"]).as_deref(), Some("print"));
        // Too different: no hint.
        assert_eq!(closest("xyz", ["print", "input"]), None);
        // The name itself is never suggested.
        assert_eq!(closest("value", ["value"]), None);
    }

    #[test]
    fn distance_weights_case_changes_lower() {
        assert_eq!(distance(b"abc", b"abC", 10), CASE);
        assert_eq!(distance(b"abc", b"abd", 10), EDIT);
        assert_eq!(distance(b"abc", b"ab", 10), EDIT);
        assert!(distance(b"abcdef", b"uvwxyz", 3) > 3);
    }
}
