//! Slicing helpers shared by lists, tuples, ranges and strings: turning a `slice` object
//! into concrete indices (CPython's `PySlice_Unpack` + `PySlice_AdjustIndices`) and
//! slice assignment on lists.

use num_bigint::Sign;

use crate::errors::{type_error, value_error, PyResult};
use crate::object::Args;
use crate::ops::type_name;
use crate::value::{List, Slice, Value};
use crate::vm::Vm;

/// The message CPython uses for a slice bound of the wrong type.
const BAD_BOUND: &str = "slice indices must be integers or None or have an __index__ method";

/// A slice bound as an i64, clamped to `[-i64::MAX, i64::MAX]` like CPython's
/// `_PyEval_SliceIndex` clamps to the ssize_t range. `None` stays `None`.
fn bound(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    Ok(Some(match v {
        Value::None => return Ok(None),
        Value::Int(i) => (*i).max(-i64::MAX),
        Value::Bool(b) => b.get() as i64,
        Value::BigInt(b) => {
            if b.sign() == Sign::Minus {
                -i64::MAX
            } else {
                i64::MAX
            }
        }
        Value::Instance(inst) => match inst.class.lookup("__index__") {
            Some(f) => {
                let r = vm.call(&f, Args::new(vec![v.clone()]))?;
                match r {
                    Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => return bound(vm, &r),
                    other => {
                        return Err(type_error(format!("__index__ returned non-int (type {})", type_name(&other))))
                    }
                }
            }
            None => return Err(type_error(BAD_BOUND)),
        },
        _ => return Err(type_error(BAD_BOUND)),
    }))
}

/// `PySlice_Unpack`: the raw (start, stop, step) of a slice, before looking at a length.
/// Calls `__index__` on user objects, so it must run with no container lock held.
pub fn slice_unpack(vm: &mut Vm, s: &Slice) -> PyResult<(i64, i64, i64)> {
    let step = match bound(vm, &s.step)? {
        None => 1,
        Some(0) => return Err(value_error("slice step cannot be zero")),
        Some(st) => st,
    };
    let start = match bound(vm, &s.start)? {
        Some(i) => i,
        None if step < 0 => i64::MAX,
        None => 0,
    };
    let stop = match bound(vm, &s.stop)? {
        Some(i) => i,
        None if step < 0 => i64::MIN,
        None => i64::MAX,
    };
    Ok((start, stop, step))
}

/// `PySlice_AdjustIndices`: clamps unpacked bounds to a sequence of length `len` and
/// returns (start, stop, step, number of selected items).
pub fn slice_adjust(len: usize, start: i64, stop: i64, step: i64) -> (i64, i64, i64, usize) {
    let len = len as i128;
    let (mut start, mut stop, step128) = (start as i128, stop as i128, step as i128);
    let clamp = |i: &mut i128| {
        if *i < 0 {
            *i += len;
            if *i < 0 {
                *i = if step < 0 { -1 } else { 0 };
            }
        } else if *i >= len {
            *i = if step < 0 { len - 1 } else { len };
        }
    };
    clamp(&mut start);
    clamp(&mut stop);
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step128) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step128 + 1
    } else {
        0
    };
    (start as i64, stop as i64, step, n as usize)
}

/// The indices a slice selects from a sequence of length `len`, in slice order.
pub fn slice_indices(vm: &mut Vm, s: &Slice, len: usize) -> PyResult<Vec<usize>> {
    let (start, stop, step) = slice_unpack(vm, s)?;
    let (start, _, step, n) = slice_adjust(len, start, stop, step);
    Ok(indices(start, step, n))
}

fn indices(start: i64, step: i64, n: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(n);
    let mut i = start as i128;
    for _ in 0..n {
        out.push(i as usize);
        i += step as i128;
    }
    out
}

/// `l[s] = items`. A step of 1 replaces the range with any number of items; extended
/// slices (any other step) need exactly as many items as they select.
pub fn list_set_slice(vm: &mut Vm, l: &List, s: &Slice, items: Vec<Value>) -> PyResult<()> {
    let (start, stop, step) = slice_unpack(vm, s)?;
    let mut list = l.items.lock();
    let (start, stop, step, n) = slice_adjust(list.len(), start, stop, step);
    if step == 1 {
        let lo = start as usize;
        let hi = (stop.max(start)) as usize;
        // Dropping the replaced values may run no Python code (no destructors), so
        // splicing under the lock is safe.
        list.splice(lo..hi, items);
        return Ok(());
    }
    if items.len() != n {
        return Err(value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            items.len(),
            n
        )));
    }
    for (i, item) in indices(start, step, n).into_iter().zip(items) {
        list[i] = item;
    }
    Ok(())
}

/// `del l[s]`.
pub fn list_del_slice(vm: &mut Vm, l: &List, s: &Slice) -> PyResult<()> {
    let (start, stop, step) = slice_unpack(vm, s)?;
    let mut list = l.items.lock();
    let (start, stop, step, n) = slice_adjust(list.len(), start, stop, step);
    if n == 0 {
        return Ok(());
    }
    if step == 1 {
        list.drain(start as usize..stop as usize);
        return Ok(());
    }
    let mut doomed = vec![false; list.len()];
    for i in indices(start, step, n) {
        doomed[i] = true;
    }
    let mut idx = 0;
    list.retain(|_| {
        let keep = !doomed[idx];
        idx += 1;
        keep
    });
    Ok(())
}
