//! Iteration: the built-in iterator objects (over lists, ranges, strings, dicts, and
//! `enumerate`/`zip`/`map`/`filter`/`reversed`), and the `__iter__`/`__next__` protocol.

use std::sync::Arc;

use crate::sync::Mutex;

use crate::dict::Dict;
use crate::errors::{runtime_error, type_error, PyResult};
use crate::methods::collections::{DictView, ViewKind};
use crate::object::Args;
use crate::ops::type_name;
use crate::protocol::truthy;
use crate::value::{List, PyStr, Tuple, Value};
use crate::vm::Vm;

pub struct IterObj {
    pub state: Mutex<IterState>,
}

pub enum IterState {
    /// A live list: sees appends made during iteration, as CPython's does.
    List {
        list: Arc<List>,
        idx: usize,
    },
    Tuple {
        tuple: Arc<Tuple>,
        idx: usize,
    },
    /// `reversed(list)`: the next index to read, counting down (-1 when done).
    ListRev {
        list: Arc<List>,
        idx: isize,
    },
    /// A snapshot of values (set iteration, `reversed`, dict views).
    Values {
        items: Vec<Value>,
        idx: usize,
    },
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    Str {
        s: Arc<PyStr>,
        pos: usize,
    },
    /// A dict (or one of its views) by position: keys, values or `(key, value)` items.
    /// Errors if the dict changes size, as CPython's `dictiter_iternext*` do.
    DictKeys {
        dict: Arc<Dict>,
        idx: usize,
        len: usize,
        kind: ViewKind,
    },
    /// A live set by table slot; errors if the set changes size (as CPython's
    /// `setiter_iternext`, the error repeats on every later call).
    SetKeys {
        set: Arc<crate::set::Set>,
        pos: usize,
        used: usize,
    },
    Enumerate {
        inner: Value,
        count: i64,
    },
    Zip {
        iters: Vec<Value>,
        /// `zip(..., strict=True)`: unequal lengths are a ValueError.
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// `iter(func, sentinel)`: calls `func()` until it returns `sentinel`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// The old sequence protocol: `obj[0]`, `obj[1]`, ... until IndexError.
    GetItem {
        obj: Value,
        idx: i64,
    },
    Exhausted,
}

/// A live iterator over a dict view.
pub fn dict_iter_state(view: &DictView) -> IterState {
    IterState::DictKeys { dict: view.dict.clone(), idx: 0, len: view.dict.len(), kind: view.kind }
}

pub fn new_iter(state: IterState) -> Value {
    Value::Iter(Arc::new(IterObj { state: Mutex::new(state) }))
}

/// `iter(v)`.
pub fn get_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let state = match v {
        Value::Iter(_) => return Ok(v.clone()),
        Value::List(l) => IterState::List { list: l.clone(), idx: 0 },
        Value::Tuple(t) => IterState::Tuple { tuple: t.clone(), idx: 0 },
        Value::Range(r) => IterState::Range { cur: r.start, stop: r.stop, step: r.step },
        Value::Str(s) => IterState::Str { s: s.clone(), pos: 0 },
        Value::Dict(d) => IterState::DictKeys { dict: d.clone(), idx: 0, len: d.len(), kind: ViewKind::Keys },
        Value::Set(s) => IterState::SetKeys { set: s.clone(), pos: 0, used: s.len() },
        Value::Instance(inst) => {
            if let Some(f) = inst.class.lookup("__iter__") {
                let it = vm.call(&f, Args::new(vec![v.clone()]))?;
                let ok = match &it {
                    Value::Instance(i) => i.class.lookup("__next__").is_some(),
                    Value::Iter(_) => true,
                    Value::Native(_) => crate::protocol::class_of(&it).lookup("__next__").is_some(),
                    _ => false,
                };
                if !ok {
                    return Err(type_error(format!("iter() returned non-iterator of type '{}'", type_name(&it))));
                }
                return Ok(it);
            }
            if inst.class.lookup("__getitem__").is_some() {
                IterState::GetItem { obj: v.clone(), idx: 0 }
            } else {
                return Err(not_iterable(v));
            }
        }
        Value::Native(_) if crate::generator::as_generator(v).is_some() => return Ok(v.clone()),
        Value::Native(_) => match crate::object::downcast::<DictView>(v) {
            Some(view) => dict_iter_state(view),
            None => return native_iter(vm, v),
        },
        _ => return Err(not_iterable(v)),
    };
    Ok(new_iter(state))
}

/// Native objects (files, ...) that define `__iter__` in their class.
fn native_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let cls = crate::protocol::class_of(v);
    match cls.lookup("__iter__") {
        Some(f) => vm.call(&f, Args::new(vec![v.clone()])),
        None => Err(not_iterable(v)),
    }
}

pub fn not_iterable(v: &Value) -> crate::errors::PyErr {
    type_error(format!("'{}' object is not iterable", type_name(v)))
}

/// `next(it)`: `None` when exhausted.
pub fn next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    match it {
        Value::Iter(obj) => next_builtin(vm, obj),
        Value::Instance(inst) => {
            let Some(f) = inst.class.lookup("__next__") else {
                return Err(type_error(format!("'{}' object is not an iterator", type_name(it))));
            };
            match vm.call(&f, Args::new(vec![it.clone()])) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.matches("StopIteration") => Ok(None),
                Err(e) => Err(e),
            }
        }
        Value::Native(_) if crate::generator::as_generator(it).is_some() => {
            crate::generator::next(vm, crate::generator::as_generator(it).expect("checked by the guard"))
        }
        Value::Native(_) => {
            let cls = crate::protocol::class_of(it);
            match cls.lookup("__next__") {
                Some(f) => match vm.call(&f, Args::new(vec![it.clone()])) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if e.matches("StopIteration") => Ok(None),
                    Err(e) => Err(e),
                },
                None => Err(type_error(format!("'{}' object is not an iterator", type_name(it)))),
            }
        }
        _ => Err(type_error(format!("'{}' object is not an iterator", type_name(it)))),
    }
}

/// `zip(strict=True)` when iterator `n` ran out: fine only if it is the first and all
/// the others are exhausted too (CPython's wording for the error).
fn zip_strict_end(vm: &mut Vm, iters: &[Value], n: usize) -> PyResult<Option<Value>> {
    let earlier = |k: usize| if k == 1 { "argument 1".to_string() } else { format!("arguments 1-{k}") };
    if n > 0 {
        return Err(crate::errors::value_error(format!("zip() argument {} is shorter than {}", n + 1, earlier(n))));
    }
    for (k, it) in iters.iter().enumerate().skip(1) {
        if next(vm, it)?.is_some() {
            return Err(crate::errors::value_error(format!("zip() argument {} is longer than {}", k + 1, earlier(k))));
        }
    }
    Ok(None)
}

fn next_builtin(vm: &mut Vm, obj: &IterObj) -> PyResult<Option<Value>> {
    // States that need no Python code finish under the lock; the others copy out what
    // they need, release it, and come back to update their position.
    let mut st = obj.state.lock();
    match &mut *st {
        IterState::List { list, idx } => {
            let items = list.items.lock();
            if *idx < items.len() {
                let v = items[*idx].clone();
                *idx += 1;
                return Ok(Some(v));
            }
            drop(items);
            *st = IterState::Exhausted;
            Ok(None)
        }
        IterState::ListRev { list, idx } => {
            let items = list.items.lock();
            if *idx >= 0 && (*idx as usize) < items.len() {
                let v = items[*idx as usize].clone();
                *idx -= 1;
                return Ok(Some(v));
            }
            drop(items);
            *st = IterState::Exhausted;
            Ok(None)
        }
        IterState::Tuple { tuple, idx } => {
            if *idx < tuple.items.len() {
                let v = tuple.items[*idx].clone();
                *idx += 1;
                return Ok(Some(v));
            }
            *st = IterState::Exhausted;
            Ok(None)
        }
        IterState::Values { items, idx } => {
            if *idx < items.len() {
                let v = std::mem::replace(&mut items[*idx], Value::None);
                *idx += 1;
                return Ok(Some(v));
            }
            *st = IterState::Exhausted;
            Ok(None)
        }
        IterState::Range { cur, stop, step } => {
            if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                let v = *cur;
                *cur = cur.saturating_add(*step);
                if *cur == v {
                    *cur = *stop;
                }
                return Ok(Some(Value::Int(v)));
            }
            Ok(None)
        }
        IterState::Str { s, pos } => {
            let text = s.as_str();
            match text[*pos..].chars().next() {
                Some(c) => {
                    *pos += c.len_utf8();
                    Ok(Some(Value::str(c.to_string())))
                }
                None => Ok(None),
            }
        }
        IterState::DictKeys { dict, idx, len, kind } => {
            let map = dict.map.lock();
            if map.len() != *len {
                drop(map);
                *st = IterState::Exhausted;
                return Err(runtime_error("dictionary changed size during iteration"));
            }
            match map.get_index(*idx) {
                Some((k, v)) => {
                    let item = match kind {
                        ViewKind::Keys => k.key.clone(),
                        ViewKind::Values => v.clone(),
                        ViewKind::Items => Value::tuple(vec![k.key.clone(), v.clone()]),
                    };
                    *idx += 1;
                    Ok(Some(item))
                }
                None => Ok(None),
            }
        }
        IterState::SetKeys { set, pos, used } => {
            let table = set.table.lock();
            if table.len() != *used {
                drop(table);
                *used = usize::MAX;
                return Err(runtime_error("Set changed size during iteration"));
            }
            match table.next_from(*pos) {
                Some((i, v)) => {
                    *pos = i + 1;
                    Ok(Some(v))
                }
                None => {
                    drop(table);
                    *st = IterState::Exhausted;
                    Ok(None)
                }
            }
        }
        IterState::Enumerate { inner, count } => {
            let inner = inner.clone();
            let n = *count;
            drop(st);
            match next(vm, &inner)? {
                Some(v) => {
                    if let IterState::Enumerate { count, .. } = &mut *obj.state.lock() {
                        *count += 1;
                    }
                    Ok(Some(Value::tuple(vec![Value::Int(n), v])))
                }
                None => Ok(None),
            }
        }
        IterState::Zip { iters, strict } => {
            let (iters, strict) = (iters.clone(), *strict);
            drop(st);
            let mut out = Vec::with_capacity(iters.len());
            for (n, i) in iters.iter().enumerate() {
                match next(vm, i)? {
                    Some(v) => out.push(v),
                    None if strict => return zip_strict_end(vm, &iters, n),
                    None => return Ok(None),
                }
            }
            if out.is_empty() {
                return Ok(None);
            }
            Ok(Some(Value::tuple(out)))
        }
        IterState::Map { func, iters } => {
            let (func, iters) = (func.clone(), iters.clone());
            drop(st);
            let mut args = Vec::with_capacity(iters.len());
            for i in &iters {
                match next(vm, i)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            vm.call(&func, Args::new(args)).map(Some)
        }
        IterState::Filter { func, inner } => {
            let (func, inner) = (func.clone(), inner.clone());
            drop(st);
            while let Some(v) = next(vm, &inner)? {
                let keep = if func.is_none() {
                    truthy(vm, &v)?
                } else {
                    let r = vm.call(&func, Args::new(vec![v.clone()]))?;
                    truthy(vm, &r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
            Ok(None)
        }
        IterState::Callable { func, sentinel } => {
            let (func, sentinel) = (func.clone(), sentinel.clone());
            drop(st);
            let exhaust = || *obj.state.lock() = IterState::Exhausted;
            match vm.call(&func, Args::new(Vec::new())) {
                Ok(v) => {
                    if crate::protocol::eq(vm, &v, &sentinel)? {
                        exhaust();
                        Ok(None)
                    } else {
                        Ok(Some(v))
                    }
                }
                Err(e) if e.matches("StopIteration") => {
                    exhaust();
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        IterState::GetItem { obj: target, idx } => {
            let (target, i) = (target.clone(), *idx);
            drop(st);
            match crate::protocol::getitem(vm, &target, &Value::Int(i)) {
                Ok(v) => {
                    if let IterState::GetItem { idx, .. } = &mut *obj.state.lock() {
                        *idx += 1;
                    }
                    Ok(Some(v))
                }
                Err(e) if e.matches("IndexError") || e.matches("StopIteration") => {
                    *obj.state.lock() = IterState::Exhausted;
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        IterState::Exhausted => Ok(None),
    }
}
