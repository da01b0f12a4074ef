//! The sorting algorithm behind `list.sort` and `sorted`: a timsort in CPython's shape
//! (natural runs, binary insertion up to `minrun`, merges kept balanced by the run-stack
//! invariants) whose comparisons are Python `<` calls that may fail.
//!
//! Following CPython's order of comparisons matters when `<` is not a total order (NaN,
//! user classes): for lists shorter than 64 items the result is exactly CPython's. Merges
//! do not gallop, which only changes the result for inconsistent orders.

use gilvm_syntax::ast::CmpOp;

use crate::errors::PyResult;
use crate::protocol::{compare, truthy};
use crate::value::Value;
use crate::vm::Vm;

/// Python's `a < b` as a bool.
pub fn lt(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x.get() < y.get()),
        (Value::Str(x), Value::Str(y)) => Ok(x.as_str() < y.as_str()),
        // Numbers compare without Python code; NaN is unordered, so `<` is false.
        (
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_),
        ) => Ok(crate::protocol::num_cmp(a, b) == Some(std::cmp::Ordering::Less)),
        _ => {
            let r = compare(vm, CmpOp::Lt, a, b)?;
            match r {
                Value::Bool(b) => Ok(b.get()),
                other => truthy(vm, &other),
            }
        }
    }
}

struct Sorter<'a> {
    keys: &'a [Value],
}

impl Sorter<'_> {
    fn lt(&self, vm: &mut Vm, a: usize, b: usize) -> PyResult<bool> {
        lt(vm, &self.keys[a], &self.keys[b])
    }

    /// CPython's `count_run`: the length of the run starting at `lo` (at most `hi - lo`)
    /// and whether it is strictly descending.
    fn count_run(&self, vm: &mut Vm, v: &[usize], lo: usize, hi: usize) -> PyResult<(usize, bool)> {
        if lo + 1 >= hi {
            return Ok((hi - lo, false));
        }
        let mut n = 2;
        if self.lt(vm, v[lo + 1], v[lo])? {
            let mut i = lo + 2;
            while i < hi && self.lt(vm, v[i], v[i - 1])? {
                i += 1;
                n += 1;
            }
            Ok((n, true))
        } else {
            let mut i = lo + 2;
            while i < hi && !self.lt(vm, v[i], v[i - 1])? {
                i += 1;
                n += 1;
            }
            Ok((n, false))
        }
    }

    /// CPython's `binarysort`: `v[lo..start]` is sorted; inserts `v[start..hi]` into it.
    fn binary_sort(&self, vm: &mut Vm, v: &mut [usize], lo: usize, hi: usize, mut start: usize) -> PyResult<()> {
        if start == lo {
            start += 1;
        }
        while start < hi {
            let pivot = v[start];
            let (mut l, mut r) = (lo, start);
            while l < r {
                let p = l + ((r - l) >> 1);
                if self.lt(vm, pivot, v[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            v.copy_within(l..start, l + 1);
            v[l] = pivot;
            start += 1;
        }
        Ok(())
    }

    /// Stable merge of the adjacent sorted runs `v[a..b]` and `v[b..c]`.
    fn merge(&self, vm: &mut Vm, v: &mut [usize], a: usize, b: usize, c: usize) -> PyResult<()> {
        let left: Vec<usize> = v[a..b].to_vec();
        let (mut i, mut j, mut k) = (0, b, a);
        let mut outcome = Ok(());
        while i < left.len() && j < c {
            match self.lt(vm, v[j], left[i]) {
                Ok(true) => {
                    v[k] = v[j];
                    j += 1;
                }
                Ok(false) => {
                    v[k] = left[i];
                    i += 1;
                }
                Err(e) => {
                    outcome = Err(e);
                    break;
                }
            }
            k += 1;
        }
        // Whatever happens, every index stays in the slice exactly once.
        while i < left.len() {
            v[k] = left[i];
            i += 1;
            k += 1;
        }
        outcome
    }
}

fn min_run(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Sorts the permutation `order` of `keys` indices by `keys[i] < keys[j]`, stably.
/// On error `order` is still a permutation (partially sorted).
pub fn sort_indices(vm: &mut Vm, keys: &[Value], order: &mut [usize]) -> PyResult<()> {
    let s = Sorter { keys };
    let n = order.len();
    if n < 2 {
        return Ok(());
    }
    let minrun = min_run(n);
    // Pending runs as (start, len), kept with CPython's merge_collapse invariants.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut lo = 0;
    while lo < n {
        let (mut len, descending) = s.count_run(vm, order, lo, n)?;
        if descending {
            order[lo..lo + len].reverse();
        }
        if len < minrun {
            let force = minrun.min(n - lo);
            s.binary_sort(vm, order, lo, lo + force, lo + len)?;
            len = force;
        }
        runs.push((lo, len));
        merge_collapse(vm, &s, order, &mut runs)?;
        lo += len;
    }
    while runs.len() > 1 {
        let k = runs.len() - 2;
        merge_at(vm, &s, order, &mut runs, k)?;
    }
    Ok(())
}

fn merge_at(vm: &mut Vm, s: &Sorter, v: &mut [usize], runs: &mut Vec<(usize, usize)>, i: usize) -> PyResult<()> {
    let (a, alen) = runs[i];
    let (b, blen) = runs[i + 1];
    runs[i] = (a, alen + blen);
    runs.remove(i + 1);
    s.merge(vm, v, a, b, b + blen)
}

/// CPython's `merge_collapse` (with the 3.11 invariant checks on the top runs).
fn merge_collapse(vm: &mut Vm, s: &Sorter, v: &mut [usize], runs: &mut Vec<(usize, usize)>) -> PyResult<()> {
    while runs.len() > 1 {
        let mut n = runs.len() - 2;
        let len = |k: usize, runs: &Vec<(usize, usize)>| runs[k].1;
        if (n > 0 && len(n - 1, runs) <= len(n, runs) + len(n + 1, runs))
            || (n > 1 && len(n - 2, runs) <= len(n - 1, runs) + len(n, runs))
        {
            if len(n - 1, runs) < len(n + 1, runs) {
                n -= 1;
            }
        } else if len(n, runs) > len(n + 1, runs) {
            break;
        }
        merge_at(vm, s, v, runs, n)?;
    }
    Ok(())
}
