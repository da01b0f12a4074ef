//! Methods of the built-in containers `list`, `tuple` and `dict`, their constructors, and
//! the dict view objects (`dict_keys`, `dict_values`, `dict_items`).
//!
//! Every method snapshots or briefly locks its container and never holds a lock while
//! Python code (`__eq__`, `__hash__`, key functions, `repr`) runs: that code may touch
//! the same container, from this thread or another.

mod dict;
mod list;
mod sort;
mod tuple;

use crate::errors::{overflow_error, type_error, PyResult};
use crate::object::Args;
use crate::ops::type_name;
use crate::types::Types;
use crate::value::Value;
use crate::vm::Vm;

pub use dict::{dict_new, view_binop, view_contains, view_len, view_repr, view_richcompare, DictView, ViewKind};
pub use list::{list_new, sort_values};
pub use sort::lt;
pub use tuple::tuple_new;

/// Registers the methods of `list`, `tuple` and `dict` (and the dict view classes).
pub fn register(t: &Types) {
    list::register(&t.list);
    tuple::register(&t.tuple);
    dict::register(&t.dict);
}

/// An integer argument such as `list.pop`'s index: ints, bools and `__index__` objects.
pub(crate) fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(b.get() as i64),
        Value::BigInt(_) => Err(overflow_error("Python int too large to convert to C ssize_t")),
        Value::Instance(inst) => match inst.class.lookup("__index__") {
            Some(f) => {
                let r = vm.call(&f, Args::new(vec![v.clone()]))?;
                match r {
                    Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => index_arg(vm, &r),
                    other => Err(type_error(format!("__index__ returned non-int (type {})", type_name(&other)))),
                }
            }
            None => Err(not_integer(v)),
        },
        _ => Err(not_integer(v)),
    }
}

fn not_integer(v: &Value) -> crate::errors::PyErr {
    type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))
}

/// A `bool(accept={int})` flag such as `sort(reverse=...)`.
pub(crate) fn int_flag(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match v {
        Value::BigInt(_) => Err(overflow_error("Python int too large to convert to C int")),
        Value::Int(i) if *i > i32::MAX as i64 || *i < i32::MIN as i64 => {
            Err(overflow_error("Python int too large to convert to C int"))
        }
        _ => Ok(index_arg(vm, v)? != 0),
    }
}

/// A start or stop bound of `index(x, start, stop)`: an int (clamped) or `__index__`.
fn search_bound(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::BigInt(b) => Ok(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX }),
        Value::Int(_) | Value::Bool(_) => index_arg(vm, v),
        Value::Instance(inst) if inst.class.lookup("__index__").is_some() => index_arg(vm, v),
        _ => Err(type_error("slice indices must be integers or have an __index__ method")),
    }
}

/// The `[start, stop)` range searched by `list.index` / `tuple.index`, resolved against
/// `len` the way CPython does (negative values count from the end, then clamp at 0).
pub(crate) fn search_bounds(vm: &mut Vm, rest: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let resolve = |i: i64| -> usize {
        if i < 0 {
            (i as i128 + len as i128).max(0) as usize
        } else {
            i as usize
        }
    };
    let start = match rest.first() {
        Some(v) => resolve(search_bound(vm, v)?),
        None => 0,
    };
    let stop = match rest.get(1) {
        Some(v) => resolve(search_bound(vm, v)?),
        None => usize::MAX,
    };
    Ok((start, stop))
}
