//! Methods of `str`: registration, argument helpers shared by the submodules, `str()`,
//! indexing and slicing, the dunders, and the simple transformations (padding, stripping,
//! tabs, prefixes).
//!
//! Strings are UTF-8 in Rust but Python counts in code points, so every index a user sees
//! is a char index; [`byte_at`] converts, with a fast path for ASCII strings where the
//! two agree, and a small per-thread cursor cache keeps index loops over non-ASCII
//! strings linear.
//!
//! Submodules: `search` (find/count/split/replace/join), `unicode` (case mapping and the
//! `is*` predicates, over tables generated from python3.11 in `unicode_data`), `fmt`
//! (`str.format` and `format()`), `translate` (`translate` and `maketrans`). printf-style `%` lives in `methods/percent.rs`.

mod fmt;
mod search;
mod translate;
pub(crate) mod unicode;
mod unicode_data;

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use crate::errors::{index_error, overflow_error, type_error, PyResult};
use crate::methods::{add_method, wrong_receiver};
use crate::object::{Args, Class};
use crate::ops::type_name;
use crate::protocol;
use crate::value::{PyStr, Value};
use crate::vm::Vm;

pub use fmt::{format_value, str_format};

/// Adds every `str` method to the `str` class.
pub fn register(cls: &Arc<Class>) {
    add_method(cls, "join", search::str_join);
    add_method(cls, "split", search::str_split);
    add_method(cls, "rsplit", search::str_rsplit);
    add_method(cls, "splitlines", search::str_splitlines);
    add_method(cls, "startswith", search::str_startswith);
    add_method(cls, "endswith", search::str_endswith);
    add_method(cls, "replace", search::str_replace);
    add_method(cls, "find", search::str_find);
    add_method(cls, "rfind", search::str_rfind);
    add_method(cls, "index", search::str_index);
    add_method(cls, "rindex", search::str_rindex);
    add_method(cls, "count", search::str_count);
    add_method(cls, "partition", search::str_partition);
    add_method(cls, "rpartition", search::str_rpartition);
    unicode::register(cls);
    fmt::register(cls);
    translate::register(cls);
    add_method(cls, "strip", str_strip);
    add_method(cls, "lstrip", str_lstrip);
    add_method(cls, "rstrip", str_rstrip);
    add_method(cls, "center", str_center);
    add_method(cls, "ljust", str_ljust);
    add_method(cls, "rjust", str_rjust);
    add_method(cls, "zfill", str_zfill);
    add_method(cls, "expandtabs", str_expandtabs);
    add_method(cls, "removeprefix", str_removeprefix);
    add_method(cls, "removesuffix", str_removesuffix);
    add_method(cls, "__len__", str_len);
    add_method(cls, "__contains__", str_contains);
    add_method(cls, "__getitem__", str_getitem_method);
    add_method(cls, "__add__", str_add);
    add_method(cls, "__mul__", str_mul);
    add_method(cls, "__rmul__", str_mul);
    add_method(cls, "__mod__", str_mod);
    add_method(cls, "__rmod__", str_rmod);
    add_method(cls, "__eq__", str_eq);
    add_method(cls, "__ne__", str_ne);
    add_method(cls, "__lt__", str_lt);
    add_method(cls, "__le__", str_le);
    add_method(cls, "__gt__", str_gt);
    add_method(cls, "__ge__", str_ge);
    add_method(cls, "__hash__", str_hash);
    add_method(cls, "__str__", str_str);
    add_method(cls, "__repr__", str_repr);
    add_method(cls, "__iter__", str_iter);
}

// ---------------------------------------------------------------------------------------
// Argument helpers (shared with the submodules).

/// Pops the receiver of `str.name(...)`, which must be a str.
fn this(args: &mut Args, name: &str) -> PyResult<Arc<PyStr>> {
    if args.pos.is_empty() {
        return Err(type_error(format!("unbound method str.{name}() needs an argument")));
    }
    match args.pos.remove(0) {
        Value::Str(s) => Ok(s),
        other => Err(wrong_receiver("str", name, &other)),
    }
}

/// How a method reports a wrong argument count; CPython's methods differ by how they
/// parse their arguments.
#[derive(Clone, Copy)]
enum Arity {
    /// `METH_NOARGS` / `METH_O`, or Argument Clinic's positional-only checks.
    Clinic,
    /// `PyArg_ParseTuple` with `|...:name`, as `find` and `count` use.
    Legacy,
}

/// Pops the receiver and checks the count of positional arguments (no keywords allowed).
fn this_n(args: &mut Args, name: &str, min: usize, max: usize, arity: Arity) -> PyResult<Arc<PyStr>> {
    let s = this(args, name)?;
    let n = args.pos.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    match arity {
        Arity::Clinic => {
            if !args.kw.is_empty() {
                return Err(type_error(format!("str.{name}() takes no keyword arguments")));
            }
            if min == max && max <= 1 && n != max {
                let what = if max == 0 { "no arguments" } else { "exactly one argument" };
                return Err(type_error(format!("str.{name}() takes {what} ({n} given)")));
            }
            if n < min {
                return Err(type_error(format!("{name} expected at least {min} argument{}, got {n}", plural(min))));
            }
            if n > max {
                return Err(type_error(format!("{name} expected at most {max} argument{}, got {n}", plural(max))));
            }
        }
        Arity::Legacy => {
            if !args.kw.is_empty() {
                return Err(type_error(format!("{name}() takes no keyword arguments")));
            }
            if n < min {
                return Err(type_error(format!("{name}() takes at least {min} argument{} ({n} given)", plural(min))));
            }
            if n > max {
                return Err(type_error(format!("{name}() takes at most {max} argument{} ({n} given)", plural(max))));
            }
        }
    }
    Ok(s)
}

/// Binds positional and keyword arguments to `params` the way Argument Clinic does for
/// methods like `split(sep=None, maxsplit=-1)`; missing ones are `None`.
fn bind_kw(args: &mut Args, name: &str, params: &[&str]) -> PyResult<Vec<Option<Value>>> {
    let n = args.pos.len();
    let given = n + args.kw.len();
    if given > params.len() {
        let max = params.len();
        return Err(type_error(format!(
            "{name}() takes at most {max} argument{} ({given} given)",
            if max == 1 { "" } else { "s" }
        )));
    }
    let mut out: Vec<Option<Value>> = args.pos.drain(..).map(Some).collect();
    out.resize(params.len(), None);
    for (key, value) in args.kw.drain(..) {
        match params.iter().position(|p| **p == *key) {
            Some(i) if i < n => {
                return Err(type_error(format!(
                    "argument for {name}() given by name ('{key}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(value),
            None => return Err(type_error(format!("'{key}' is an invalid keyword argument for {name}()"))),
        }
    }
    Ok(out)
}

/// An argument that must be a str, with CPython's "must be str, not int" wording.
/// `what` names the argument for Argument Clinic's wording (which says "None" rather
/// than "NoneType"); it is empty for the older "must be str, not NoneType".
fn str_arg<'a>(v: &'a Value, what: &str) -> PyResult<&'a Arc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s),
        other if what.is_empty() => Err(type_error(format!("must be str, not {}", type_name(other)))),
        other => Err(type_error(format!("{what}must be str, not {}", clinic_type_name(other)))),
    }
}

/// The type name Argument Clinic's errors show: "None" for None.
fn clinic_type_name(v: &Value) -> String {
    match v {
        Value::None => "None".to_string(),
        other => type_name(other),
    }
}

/// Calls a user class's `__index__`, if it has one.
fn user_index(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Value::Instance(inst) = v else {
        return Ok(None);
    };
    let Some(f) = inst.class.lookup("__index__") else {
        return Ok(None);
    };
    let r = vm.call(&f, Args::new(vec![v.clone()]))?;
    match r {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => Ok(Some(r)),
        other => Err(type_error(format!("__index__ returned non-int (type {})", type_name(&other)))),
    }
}

/// An integer argument such as a width or a count (`PyNumber_AsSsize_t`).
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(b.get() as i64),
        Value::BigInt(_) => Err(overflow_error("Python int too large to convert to C ssize_t")),
        other => match user_index(vm, other)? {
            Some(i) => ssize_arg(vm, &i),
            None => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(other)))),
        },
    }
}

/// A start/end argument of `find`, `count`, ...: None, or an int clamped to i64.
fn slice_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(*i)),
        Some(Value::Bool(b)) => Ok(Some(b.get() as i64)),
        Some(Value::BigInt(b)) => Ok(Some(if num_traits::Signed::is_negative(&**b) { i64::MIN } else { i64::MAX })),
        Some(other) => match user_index(vm, other)? {
            Some(i) => slice_arg(vm, Some(&i)),
            None => Err(type_error("slice indices must be integers or None or have an __index__ method")),
        },
    }
}

/// CPython's `ADJUST_INDICES`: resolves start/end against `len` (start may exceed len).
fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = end.saturating_add(len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = start.saturating_add(len).max(0);
    }
    (start, end)
}

/// What is known about positions in one recently used non-ASCII string.
struct StrCursor {
    /// Keeps the allocation (not the text) alive, so a pointer match means the very same
    /// string.
    string: Weak<PyStr>,
    /// A char index and its byte offset.
    char_idx: usize,
    byte_idx: usize,
    /// The length in chars, once counted.
    char_len: Option<usize>,
}

/// How many strings the cursor cache remembers per thread.
const CURSORS: usize = 4;

thread_local! {
    /// Recently resolved positions in non-ASCII strings, so that loops like
    /// `for i in range(len(s)): s[i]` or repeated `s.find(sub, start)` walk from the last
    /// position rather than from the start, and count the string's length only once.
    static CURSOR_CACHE: RefCell<(Vec<StrCursor>, usize)> = const { RefCell::new((Vec::new(), 0)) };
}

/// Runs `f` on the cache entry for `s`, creating one (evicting round-robin) if needed.
fn with_cursor<R>(s: &Arc<PyStr>, f: impl FnOnce(&mut StrCursor) -> R) -> R {
    CURSOR_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let (entries, next) = &mut *cache;
        let i = match entries.iter().position(|c| std::ptr::eq(c.string.as_ptr(), Arc::as_ptr(s))) {
            Some(i) => i,
            None => {
                let fresh = StrCursor { string: Arc::downgrade(s), char_idx: 0, byte_idx: 0, char_len: None };
                if entries.len() < CURSORS {
                    entries.push(fresh);
                    entries.len() - 1
                } else {
                    let i = *next;
                    *next = (*next + 1) % CURSORS;
                    entries[i] = fresh;
                    i
                }
            }
        };
        f(&mut entries[i])
    })
}

/// `len(s)` in chars, counted once per string for non-ASCII strings.
fn char_count(s: &Arc<PyStr>) -> usize {
    if s.is_ascii() {
        return s.as_str().len();
    }
    with_cursor(s, |c| *c.char_len.get_or_insert_with(|| s.as_str().chars().count()))
}

/// Whether byte `b` starts a char in UTF-8.
fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// The byte offset `n` chars after byte offset `from` (a char boundary), or the end.
fn advance(text: &str, from: usize, n: usize) -> usize {
    let bytes = &text.as_bytes()[from..];
    let mut remaining = n;
    let mut i = 0;
    // Skip whole chunks while the target lies beyond them (this loop vectorizes).
    while i + 64 <= bytes.len() {
        let starts = bytes[i..i + 64].iter().filter(|&&b| is_char_start(b)).count();
        if starts > remaining {
            break;
        }
        remaining -= starts;
        i += 64;
    }
    while i < bytes.len() {
        if is_char_start(bytes[i]) {
            if remaining == 0 {
                return from + i;
            }
            remaining -= 1;
        }
        i += 1;
    }
    text.len()
}

/// The byte offset `n` chars before byte offset `from` (a char boundary).
fn retreat(text: &str, from: usize, n: usize) -> usize {
    let mut j = from;
    for _ in 0..n {
        if j == 0 {
            break;
        }
        j -= 1;
        while j > 0 && !text.is_char_boundary(j) {
            j -= 1;
        }
    }
    j
}

/// The byte offset of char index `ci` (clamped to the end of the string).
fn byte_at(s: &Arc<PyStr>, ci: usize) -> usize {
    let text = s.as_str();
    if s.is_ascii() {
        return ci.min(text.len());
    }
    with_cursor(s, |c| {
        if c.char_len.is_some_and(|n| ci >= n) {
            return text.len();
        }
        let (cci, cbi) = (c.char_idx, c.byte_idx);
        let bi = if ci >= cci {
            advance(text, cbi, ci - cci)
        } else if ci <= cci - ci {
            advance(text, 0, ci)
        } else {
            retreat(text, cbi, cci - ci)
        };
        if bi < text.len() {
            (c.char_idx, c.byte_idx) = (ci, bi);
        }
        bi
    })
}

/// The char index of byte offset `bi` (which must be a char boundary).
fn char_at(s: &Arc<PyStr>, bi: usize) -> usize {
    if s.is_ascii() {
        return bi;
    }
    let text = s.as_str();
    with_cursor(s, |c| {
        let (cci, cbi) = (c.char_idx, c.byte_idx);
        let ci = if bi >= cbi {
            cci + text[cbi..bi].chars().count()
        } else if bi <= cbi - bi {
            text[..bi].chars().count()
        } else {
            cci - text[bi..cbi].chars().count()
        };
        (c.char_idx, c.byte_idx) = (ci, bi);
        ci
    })
}

/// Refuses results too large to allocate, as CPython does with MemoryError.
fn check_size(n: usize) -> PyResult<()> {
    if n > (1usize << 32) {
        return Err(crate::errors::memory_error());
    }
    Ok(())
}

fn new_str(s: String) -> Value {
    Value::str(s)
}

// ---------------------------------------------------------------------------------------
// `str()`, indexing, and the dunders.

/// `str()`, `str(x)`, and `str(x, encoding, errors)` (which needs bytes gilvm lacks).
pub fn str_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    // The common call, `str(x)`, skips keyword binding.
    if args.kw.is_empty() && args.pos.len() == 1 {
        return match &args.pos[0] {
            Value::Str(_) => Ok(args.pos.pop().unwrap_or(Value::None)),
            Value::Int(i) => Ok(Value::str(i.to_string())),
            other => Ok(Value::str(protocol::str(vm, other)?)),
        };
    }
    let bound = bind_kw(&mut args, "str", &["object", "encoding", "errors"])?;
    let [object, encoding, errors]: [Option<Value>; 3] = bound.try_into().unwrap_or_default();
    if encoding.is_none() && errors.is_none() {
        return match object {
            None => Ok(Value::str("")),
            Some(v @ Value::Str(_)) => Ok(v),
            Some(v) => Ok(Value::str(protocol::str(vm, &v)?)),
        };
    }
    for (what, v) in [("encoding", &encoding), ("errors", &errors)] {
        if let Some(v) = v {
            if !matches!(v, Value::Str(_)) {
                return Err(type_error(format!("str() argument '{what}' must be str, not {}", clinic_type_name(v))));
            }
        }
    }
    match object {
        None => Ok(Value::str("")),
        Some(Value::Str(_)) => Err(type_error("decoding str is not supported")),
        Some(v) => Err(type_error(format!("decoding to str: need a bytes-like object, {} found", type_name(&v)))),
    }
}

/// `s[key]`: an index (negative counts from the end) or a slice.
pub fn str_getitem(vm: &mut Vm, s: &Arc<PyStr>, key: &Value) -> PyResult<Value> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => b.get() as i64,
        Value::BigInt(_) => return Err(index_error("cannot fit 'int' into an index-sized integer")),
        Value::Slice(slice) => {
            let len = char_count(s);
            let idx = crate::methods::seq::slice_indices(vm, slice, len)?;
            return Ok(new_str(select_chars(s, &idx)));
        }
        other => match user_index(vm, other)? {
            Some(v) => return str_getitem(vm, s, &v),
            None => return Err(type_error(format!("string indices must be integers, not '{}'", type_name(other)))),
        },
    };
    let text = s.as_str();
    let len = char_count(s);
    let Some(j) = protocol::norm_index(i, len) else {
        return Err(index_error("string index out of range"));
    };
    let b = byte_at(s, j);
    Ok(new_str(text[b..].chars().next().map(String::from).unwrap_or_default()))
}

/// The chars at the given indices (in order), with a fast path for contiguous runs.
fn select_chars(s: &Arc<PyStr>, idx: &[usize]) -> String {
    let text = s.as_str();
    let contiguous = idx.windows(2).all(|w| w[1] == w[0] + 1);
    if contiguous {
        let (Some(&first), Some(&last)) = (idx.first(), idx.last()) else {
            return String::new();
        };
        return text[byte_at(s, first)..byte_at(s, last + 1)].to_string();
    }
    if s.is_ascii() {
        let bytes = text.as_bytes();
        return idx.iter().filter_map(|&i| bytes.get(i).map(|&b| b as char)).collect();
    }
    let chars: Vec<char> = text.chars().collect();
    idx.iter().filter_map(|&i| chars.get(i)).collect()
}

fn str_getitem_method(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = dunder_this(&mut args, "__getitem__", 1)?;
    str_getitem(vm, &s, &args.pos[0])
}

/// Pops the receiver of a dunder and checks its argument count (slot wrappers' wording).
fn dunder_this(args: &mut Args, name: &str, n: usize) -> PyResult<Arc<PyStr>> {
    let s = this(args, name)?;
    if !args.kw.is_empty() {
        return Err(type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    if args.pos.len() != n {
        let plural = if n == 1 { "" } else { "s" };
        return Err(type_error(format!("expected {n} argument{plural}, got {}", args.pos.len())));
    }
    Ok(s)
}

fn str_len(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = dunder_this(&mut args, "__len__", 0)?;
    Ok(Value::Int(char_count(&s) as i64))
}

fn str_contains(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = dunder_this(&mut args, "__contains__", 1)?;
    Ok(Value::bool(protocol::contains(vm, &Value::Str(s), &args.pos[0])?))
}

fn str_add(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = dunder_this(&mut args, "__add__", 1)?;
    match &args.pos[0] {
        Value::Str(t) => Ok(new_str(format!("{}{}", s.as_str(), t.as_str()))),
        other => Err(type_error(format!("can only concatenate str (not \"{}\") to str", type_name(other)))),
    }
}

fn str_mul(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = dunder_this(&mut args, "__mul__", 1)?;
    let n = match &args.pos[0] {
        Value::BigInt(_) => return Err(overflow_error("cannot fit 'int' into an index-sized integer")),
        v => ssize_arg(vm, v)?,
    };
    let n = n.max(0) as usize;
    check_size(s.as_str().len().saturating_mul(n))?;
    Ok(new_str(s.as_str().repeat(n)))
}

fn str_mod(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = dunder_this(&mut args, "__mod__", 1)?;
    Ok(new_str(crate::methods::percent::percent_format(vm, s.as_str(), &args.pos[0])?))
}

/// `s.__rmod__(other)`: `other % s` when `other` is a str, else NotImplemented.
fn str_rmod(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = dunder_this(&mut args, "__rmod__", 1)?;
    match &args.pos[0] {
        Value::Str(fmt) => Ok(new_str(crate::methods::percent::percent_format(vm, fmt.as_str(), &Value::Str(s))?)),
        _ => Ok(Value::NotImplemented),
    }
}

/// The comparison dunders: NotImplemented unless the other operand is a str.
fn compare(mut args: Args, name: &str, f: fn(&str, &str) -> bool) -> PyResult<Value> {
    let s = dunder_this(&mut args, name, 1)?;
    match &args.pos[0] {
        Value::Str(t) => Ok(Value::bool(f(s.as_str(), t.as_str()))),
        _ => Ok(Value::NotImplemented),
    }
}

fn str_eq(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(args, "__eq__", |a, b| a == b)
}

fn str_ne(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(args, "__ne__", |a, b| a != b)
}

fn str_lt(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(args, "__lt__", |a, b| a < b)
}

fn str_le(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(args, "__le__", |a, b| a <= b)
}

fn str_gt(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(args, "__gt__", |a, b| a > b)
}

fn str_ge(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(args, "__ge__", |a, b| a >= b)
}

fn str_hash(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = dunder_this(&mut args, "__hash__", 0)?;
    let key = protocol::hkey(vm, &Value::Str(s))?;
    // CPython never returns -1 from a hash; keep to the signed range it uses.
    let h = key.hash as i64;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn str_str(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = dunder_this(&mut args, "__str__", 0)?;
    Ok(Value::Str(s))
}

fn str_repr(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = dunder_this(&mut args, "__repr__", 0)?;
    Ok(new_str(protocol::repr(vm, &Value::Str(s))?))
}

fn str_iter(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = dunder_this(&mut args, "__iter__", 0)?;
    crate::iter::get_iter(vm, &Value::Str(s))
}

// ---------------------------------------------------------------------------------------
// Stripping, padding, tabs, prefixes.

/// Python's `str.isspace` for one char: Unicode White_Space plus U+001C..U+001F.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn strip_impl(mut args: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let s = this_n(&mut args, name, 0, 1, Arity::Clinic)?;
    let text = s.as_str();
    let out = match args.pos.first() {
        None | Some(Value::None) => {
            let t = if left { text.trim_start_matches(is_space) } else { text };
            if right {
                t.trim_end_matches(is_space)
            } else {
                t
            }
        }
        Some(Value::Str(chars)) => {
            let set = chars.as_str();
            let pred = |c: char| set.contains(c);
            let t = if left { text.trim_start_matches(pred) } else { text };
            if right {
                t.trim_end_matches(pred)
            } else {
                t
            }
        }
        Some(_) => return Err(type_error(format!("{name} arg must be None or str"))),
    };
    if out.len() == text.len() {
        return Ok(Value::Str(s));
    }
    Ok(new_str(out.to_string()))
}

fn str_strip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(args, "strip", true, true)
}

fn str_lstrip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(args, "lstrip", true, false)
}

fn str_rstrip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(args, "rstrip", false, true)
}

/// `s` padded with `left` and `right` copies of `fill`.
fn pad(s: &str, left: usize, right: usize, fill: char) -> PyResult<String> {
    check_size(left.saturating_add(right).saturating_mul(fill.len_utf8()))?;
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// How much padding center/ljust/rjust add, and with which char (`None`: none needed).
type Padding = Option<(usize, char)>;

/// Parses `(width, fillchar=' ')` for center/ljust/rjust.
fn just_args(vm: &mut Vm, args: &mut Args, name: &str) -> PyResult<(Arc<PyStr>, Padding)> {
    let s = this_n(args, name, 1, 2, Arity::Clinic)?;
    let width = ssize_arg(vm, &args.pos[0])?;
    let fill = match args.pos.get(1) {
        None => ' ',
        Some(Value::Str(f)) => {
            let mut chars = f.as_str().chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => c,
                _ => return Err(type_error("The fill character must be exactly one character long")),
            }
        }
        Some(other) => {
            return Err(type_error(format!("The fill character must be a unicode character, not {}", type_name(other))))
        }
    };
    let len = s.char_len() as i64;
    if width <= len {
        return Ok((s, None));
    }
    Ok((s, Some(((width - len) as usize, fill))))
}

fn str_center(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (s, padding) = just_args(vm, &mut args, "center")?;
    let Some((marg, fill)) = padding else {
        return Ok(Value::Str(s));
    };
    // CPython's rounding: the extra space goes left only when both marg and width are odd.
    let width = marg + s.char_len();
    let left = marg / 2 + (marg & width & 1);
    Ok(new_str(pad(s.as_str(), left, marg - left, fill)?))
}

fn str_ljust(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (s, padding) = just_args(vm, &mut args, "ljust")?;
    let Some((marg, fill)) = padding else {
        return Ok(Value::Str(s));
    };
    Ok(new_str(pad(s.as_str(), 0, marg, fill)?))
}

fn str_rjust(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (s, padding) = just_args(vm, &mut args, "rjust")?;
    let Some((marg, fill)) = padding else {
        return Ok(Value::Str(s));
    };
    Ok(new_str(pad(s.as_str(), marg, 0, fill)?))
}

fn str_zfill(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this_n(&mut args, "zfill", 1, 1, Arity::Clinic)?;
    let width = ssize_arg(vm, &args.pos[0])?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(Value::Str(s));
    }
    let fill = (width - len) as usize;
    let text = s.as_str();
    let mut out = pad(text, fill, 0, '0')?;
    // A leading sign moves in front of the zeros.
    if let Some(sign @ ('+' | '-')) = text.chars().next() {
        out.replace_range(0..1, &sign.to_string());
        out.replace_range(fill..fill + 1, "0");
    }
    Ok(new_str(out))
}

fn str_expandtabs(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this(&mut args, "expandtabs")?;
    let bound = bind_kw(&mut args, "expandtabs", &["tabsize"])?;
    let tabsize = match &bound[0] {
        Some(v) => ssize_arg(vm, v)?,
        None => 8,
    };
    let text = s.as_str();
    if !text.contains('\t') {
        return Ok(Value::Str(s));
    }
    let mut out = String::with_capacity(text.len());
    let mut column: i64 = 0;
    for c in text.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let incr = tabsize - column % tabsize;
                check_size(out.len().saturating_add(incr as usize))?;
                out.extend(std::iter::repeat_n(' ', incr as usize));
                column += incr;
            }
        } else {
            out.push(c);
            column += 1;
            if c == '\n' || c == '\r' {
                column = 0;
            }
        }
    }
    Ok(new_str(out))
}

fn affix_arg<'a>(args: &'a Args, name: &str) -> PyResult<&'a str> {
    match &args.pos[0] {
        Value::Str(p) => Ok(p.as_str()),
        other => Err(type_error(format!("{name}() argument must be str, not {}", clinic_type_name(other)))),
    }
}

fn str_removeprefix(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this_n(&mut args, "removeprefix", 1, 1, Arity::Clinic)?;
    let prefix = affix_arg(&args, "removeprefix")?;
    match s.as_str().strip_prefix(prefix) {
        Some(rest) if !prefix.is_empty() => Ok(new_str(rest.to_string())),
        _ => Ok(Value::Str(s)),
    }
}

fn str_removesuffix(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this_n(&mut args, "removesuffix", 1, 1, Arity::Clinic)?;
    let suffix = affix_arg(&args, "removesuffix")?;
    match s.as_str().strip_suffix(suffix) {
        Some(rest) if !suffix.is_empty() => Ok(new_str(rest.to_string())),
        _ => Ok(Value::Str(s)),
    }
}
