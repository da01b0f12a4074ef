//! Methods of `list` and the `list()` constructor.

use std::sync::Arc;

use crate::errors::{index_error, type_error, value_error, PyResult};
use crate::methods::{add_method, receiver, wrong_receiver};
use crate::object::{Args, Class};
use crate::protocol::{self, eq};
use crate::value::{List, Value};
use crate::vm::Vm;

use super::{index_arg, search_bounds};

pub(super) fn register(cls: &Class) {
    add_method(cls, "append", list_append);
    add_method(cls, "pop", list_pop);
    add_method(cls, "extend", list_extend);
    add_method(cls, "insert", list_insert);
    add_method(cls, "remove", list_remove);
    add_method(cls, "index", list_index);
    add_method(cls, "count", list_count);
    add_method(cls, "sort", list_sort);
    add_method(cls, "reverse", list_reverse);
    add_method(cls, "clear", list_clear);
    add_method(cls, "copy", list_copy);
    add_method(cls, "__len__", list_len);
    add_method(cls, "__getitem__", list_getitem);
    add_method(cls, "__setitem__", list_setitem);
    add_method(cls, "__delitem__", list_delitem);
    add_method(cls, "__contains__", list_contains);
    add_method(cls, "__iter__", list_iter);
}

/// Pops the receiver and checks that it is a list.
fn this(args: &mut Args, name: &str, min: usize, max: usize) -> PyResult<Arc<List>> {
    match receiver(args, "list", name, min, max)? {
        Value::List(l) => Ok(l),
        other => Err(wrong_receiver("list", name, &other)),
    }
}

/// Like [`this`], but with the "insert expected 2 arguments, got 1" wording CPython
/// uses for methods whose arguments are parsed by Argument Clinic.
fn this_clinic(args: &mut Args, name: &str, min: usize, max: usize) -> PyResult<Arc<List>> {
    let n = args.pos.len().saturating_sub(1);
    if !args.pos.is_empty() && (n < min || n > max) && args.kw.is_empty() {
        let msg = if min == max {
            format!("{name} expected {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        return Err(type_error(msg));
    }
    this(args, name, min, max)
}

fn list_append(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let l = this(&mut args, "append", 1, 1)?;
    let x = args.pos.pop().unwrap_or(Value::None);
    l.items.lock().push(x);
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let l = this(&mut args, "pop", 0, 1)?;
    let i = match args.pos.first() {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let mut items = l.items.lock();
    if items.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    match protocol::norm_index(i, items.len()) {
        Some(j) => Ok(items.remove(j)),
        None => Err(index_error("pop index out of range")),
    }
}

fn list_extend(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let l = this(&mut args, "extend", 1, 1)?;
    let src = args.pos.pop().unwrap_or(Value::None);
    let new_items = protocol::collect(vm, &src)?;
    l.items.lock().extend(new_items);
    Ok(Value::None)
}

fn list_insert(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let l = this_clinic(&mut args, "insert", 2, 2)?;
    let x = args.pos.pop().unwrap_or(Value::None);
    let i = index_arg(vm, &args.pos[0])?;
    let mut items = l.items.lock();
    let n = items.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(at as usize, x);
    Ok(Value::None)
}

/// The item at `i`, read under a short lock (the list may change between calls, as
/// comparisons run Python code).
fn item_at(l: &List, i: usize) -> Option<Value> {
    l.items.lock().get(i).cloned()
}

/// Index of the first item equal to `x` in `[start, stop)`, re-reading the length each
/// step as CPython does.
fn find(vm: &mut Vm, l: &List, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(item) = item_at(l, i) else { break };
        if item.is(x) || eq(vm, &item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn list_remove(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let l = this(&mut args, "remove", 1, 1)?;
    let x = args.pos.pop().unwrap_or(Value::None);
    match find(vm, &l, &x, 0, usize::MAX)? {
        Some(i) => {
            let mut items = l.items.lock();
            if i < items.len() {
                items.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(value_error("list.remove(x): x not in list")),
    }
}

fn list_index(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let l = this_clinic(&mut args, "index", 1, 3)?;
    let x = args.pos[0].clone();
    let (start, stop) = search_bounds(vm, &args.pos[1..], l.len())?;
    match find(vm, &l, &x, start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = protocol::repr(vm, &x)?;
            Err(value_error(format!("{r} is not in list")))
        }
    }
}

fn list_count(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let l = this(&mut args, "count", 1, 1)?;
    let x = args.pos.pop().unwrap_or(Value::None);
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = item_at(&l, i) {
        if item.is(&x) || eq(vm, &item, &x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn list_reverse(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let l = this(&mut args, "reverse", 0, 0)?;
    l.items.lock().reverse();
    Ok(Value::None)
}

fn list_clear(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let l = this(&mut args, "clear", 0, 0)?;
    let old = std::mem::take(&mut *l.items.lock());
    drop(old);
    Ok(Value::None)
}

fn list_copy(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let l = this(&mut args, "copy", 0, 0)?;
    Ok(Value::list(l.snapshot()))
}

fn list_len(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let l = this(&mut args, "__len__", 0, 0)?;
    Ok(Value::Int(l.len() as i64))
}

fn list_getitem(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let l = this(&mut args, "__getitem__", 1, 1)?;
    protocol::getitem(vm, &Value::List(l), &args.pos[0])
}

fn list_setitem(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let l = this_clinic(&mut args, "__setitem__", 2, 2)?;
    let v = args.pos.pop().unwrap_or(Value::None);
    protocol::setitem(vm, &Value::List(l), &args.pos[0], v)?;
    Ok(Value::None)
}

fn list_delitem(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let l = this(&mut args, "__delitem__", 1, 1)?;
    protocol::delitem(vm, &Value::List(l), &args.pos[0])?;
    Ok(Value::None)
}

fn list_contains(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let l = this(&mut args, "__contains__", 1, 1)?;
    Ok(Value::bool(protocol::contains(vm, &Value::List(l), &args.pos[0])?))
}

fn list_iter(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let l = this(&mut args, "__iter__", 0, 0)?;
    crate::iter::get_iter(vm, &Value::List(l))
}

/// `list.sort(*, key=None, reverse=False)`.
fn list_sort(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let l = match args.pos.first() {
        Some(Value::List(l)) => l.clone(),
        Some(other) => return Err(wrong_receiver("list", "sort", other)),
        None => return Err(type_error("unbound method list.sort() needs an argument")),
    };
    if args.pos.len() > 1 {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let mut key = None;
    let mut reverse = false;
    for (name, v) in std::mem::take(&mut args.kw) {
        match &*name {
            "key" => key = (!v.is_none()).then_some(v),
            "reverse" => reverse = super::int_flag(vm, &v)?,
            other => return Err(type_error(format!("'{other}' is an invalid keyword argument for sort()"))),
        }
    }
    // Like CPython, the list is empty while it is being sorted, so that key functions and
    // comparisons that look at it (or change it) can be detected.
    let mut items = std::mem::take(&mut *l.items.lock());
    let result = sort_values(vm, &mut items, key.as_ref(), reverse);
    let mut guard = l.items.lock();
    let modified = !guard.is_empty();
    *guard = items;
    drop(guard);
    result?;
    if modified {
        return Err(value_error("list modified during sort"));
    }
    Ok(Value::None)
}

/// Sorts `items` in place the way `list.sort` does (stable; `reverse` keeps equal items
/// in their original order). On error `items` holds the original values in some order.
pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<()> {
    if items.len() < 2 {
        if let (Some(k), Some(x)) = (key, items.first()) {
            vm.call(k, Args::new(vec![x.clone()]))?;
        }
        return Ok(());
    }
    let mut keys = match key {
        Some(k) => {
            let mut keys = Vec::with_capacity(items.len());
            for x in items.iter() {
                keys.push(vm.call(k, Args::new(vec![x.clone()]))?);
            }
            Some(keys)
        }
        None => None,
    };
    if reverse {
        items.reverse();
        if let Some(keys) = &mut keys {
            keys.reverse();
        }
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    let result = {
        let ks: &[Value] = keys.as_deref().unwrap_or(items);
        if let Some(fast) = native_order(ks) {
            order.sort_by(|&a, &b| fast(&ks[a], &ks[b]));
            Ok(())
        } else {
            super::sort::sort_indices(vm, ks, &mut order)
        }
    };
    let mut slots: Vec<Option<Value>> = std::mem::take(items).into_iter().map(Some).collect();
    *items = order.iter().filter_map(|&i| slots[i].take()).collect();
    if reverse {
        items.reverse();
    }
    result
}

type NativeCmp = fn(&Value, &Value) -> std::cmp::Ordering;

/// A comparison that needs no Python code and is a total order consistent with `<`,
/// when every key is an int, or every key is a str, or every key is a non-NaN float.
fn native_order(keys: &[Value]) -> Option<NativeCmp> {
    use std::cmp::Ordering;
    match keys.first()? {
        Value::Int(_) if keys.iter().all(|k| matches!(k, Value::Int(_))) => Some(|a, b| match (a, b) {
            (Value::Int(x), Value::Int(y)) => x.cmp(y),
            _ => Ordering::Equal,
        }),
        Value::Str(_) if keys.iter().all(|k| matches!(k, Value::Str(_))) => {
            Some(|a, b| match (a, b) {
                // UTF-8 byte order is code point order, which is how Python compares str.
                (Value::Str(x), Value::Str(y)) => x.as_str().cmp(y.as_str()),
                _ => Ordering::Equal,
            })
        }
        Value::Float(_) if keys.iter().all(|k| matches!(k, Value::Float(f) if !f.get().is_nan())) => {
            Some(|a, b| match (a, b) {
                (Value::Float(x), Value::Float(y)) => x.get().partial_cmp(&y.get()).unwrap_or(Ordering::Equal),
                _ => Ordering::Equal,
            })
        }
        _ => None,
    }
}

/// `list()` and `list(iterable)`.
pub fn list_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(type_error("list() takes no keyword arguments"));
    }
    match args.pos.len() {
        0 => Ok(Value::list(Vec::new())),
        1 => Ok(Value::list(protocol::collect(vm, &args.pos[0])?)),
        n => Err(type_error(format!("list expected at most 1 argument, got {n}"))),
    }
}
