//! Equality and ordering: `==` (as a bool, for containers and keys), the six rich
//! comparisons with CPython's dispatch order for user classes, and ordering of numbers
//! and sequences.

use std::sync::Arc;

use gilvm_syntax::ast::CmpOp;
use num_traits::ToPrimitive;

use super::*;
use crate::dict::builtin_hash;
use crate::ops::to_bigint;
/// `a == b`, as a bool.
pub fn eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    use Value::*;
    Ok(match (a, b) {
        (Int(x), Int(y)) => x == y,
        (Str(x), Str(y)) => Arc::ptr_eq(x, y) || x.as_str() == y.as_str(),
        (None, None) => true,
        (List(x), List(y)) => {
            if Arc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (xs, ys) = (x.snapshot(), y.snapshot());
            seq_eq(vm, &xs, &ys)?
        }
        (Tuple(x), Tuple(y)) => seq_eq(vm, &x.items, &y.items)?,
        (Dict(x), Dict(y)) => {
            if x.len() != y.len() {
                return Ok(false);
            }
            for (k, v) in x.items() {
                let key = dict_key(vm, y, &k)?;
                match y.get(&key) {
                    Some(w) => {
                        if !eq(vm, &v, &w)? {
                            return Ok(false);
                        }
                    }
                    Option::None => return Ok(false),
                }
            }
            true
        }
        (Set(x), Set(y)) => {
            let (xt, yt) = (x.table.lock().clone(), y.table.lock().clone());
            if xt.len() != yt.len() {
                return Ok(false);
            }
            for k in xt.keys() {
                let found = if needs_python_eq(&k.key) {
                    let probe = table_key(vm, &yt, &k.key)?;
                    yt.contains(&probe)
                } else {
                    yt.contains(k)
                };
                if !found {
                    return Ok(false);
                }
            }
            true
        }
        (Instance(_), _) | (_, Instance(_)) => {
            if let Some(r) = rich_dunder(vm, a, b, "__eq__", "__eq__")? {
                return truthy(vm, &r);
            }
            a.is(b)
        }
        (Range(x), Range(y)) => {
            x.len() == y.len() && (x.len() == 0 || (x.start == y.start && (x.len() == 1 || x.step == y.step)))
        }
        (Native(_), _) | (_, Native(_)) => match crate::methods::collections::view_richcompare(vm, CmpOp::Eq, a, b) {
            Some(r) => r?,
            Option::None => a.is(b),
        },
        _ => {
            if let (Some(x), Some(y)) = (builtin_hash(a).map(|_| a), builtin_hash(b).map(|_| b)) {
                crate::dict::key_eq(x, y)
            } else {
                a.is(b)
            }
        }
    })
}

fn seq_eq(vm: &mut Vm, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
    nested(vm, " in comparison", |vm| seq_eq_items(vm, xs, ys))
}

fn seq_eq_items(vm: &mut Vm, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
    if xs.len() != ys.len() {
        return Ok(false);
    }
    for (x, y) in xs.iter().zip(ys) {
        if !x.is(y) && !eq(vm, x, y)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Tries `a.name(b)`, then `b.rname(a)`; `None` when both are missing or NotImplemented.
/// CPython's `do_richcompare` for user objects: `a.name(b)`, then `b.rname(a)`, except
/// that a right operand whose class is a proper subclass of the left's goes first.
fn rich_dunder(vm: &mut Vm, a: &Value, b: &Value, name: &str, rname: &str) -> PyResult<Option<Value>> {
    let b_first = match (a, b) {
        (Value::Instance(x), Value::Instance(y)) => !Arc::ptr_eq(&x.class, &y.class) && y.class.is_subclass(&x.class),
        _ => false,
    };
    if b_first {
        if let Some(r) = compare_slot(vm, b, a, rname)? {
            return Ok(Some(r));
        }
    }
    if let Some(r) = compare_slot(vm, a, b, name)? {
        return Ok(Some(r));
    }
    if !b_first {
        if let Some(r) = compare_slot(vm, b, a, rname)? {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

/// `x.name(y)` through `x`'s class, or `None` for NotImplemented or no method. A class
/// with `__eq__` but no `__ne__` gets `object.__ne__`: the inverse of its `__eq__`.
fn compare_slot(vm: &mut Vm, x: &Value, y: &Value, name: &str) -> PyResult<Option<Value>> {
    let (f, invert) = match special(x, name) {
        Some(f) => (f, false),
        None if name == "__ne__" => match special(x, "__eq__") {
            Some(f) => (f, true),
            None => return Ok(None),
        },
        None => return Ok(None),
    };
    let r = vm.call(&f, Args::new(vec![x.clone(), y.clone()]))?;
    if matches!(r, Value::NotImplemented) {
        return Ok(None);
    }
    if invert {
        return Ok(Some(Value::bool(!truthy(vm, &r)?)));
    }
    Ok(Some(r))
}

/// `a op b` for the six rich comparisons.
pub fn compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(Value::bool(match op {
            CmpOp::Lt => x < y,
            CmpOp::LtE => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::GtE => x >= y,
            CmpOp::Eq => x == y,
            CmpOp::NotEq => x != y,
            _ => false,
        }));
    }
    match op {
        CmpOp::Eq => {
            if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
                if let Some(r) = rich_dunder(vm, a, b, "__eq__", "__eq__")? {
                    return Ok(r);
                }
                return Ok(Value::bool(a.is(b)));
            }
            return Ok(Value::bool(eq(vm, a, b)?));
        }
        CmpOp::NotEq => {
            if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
                if let Some(r) = rich_dunder(vm, a, b, "__ne__", "__ne__")? {
                    return Ok(r);
                }
                return Ok(Value::bool(!a.is(b)));
            }
            return Ok(Value::bool(!eq(vm, a, b)?));
        }
        _ => {}
    }
    match (a, b) {
        // NaN is unordered: every ordering comparison with it is false.
        (
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_),
        ) if num_cmp(a, b).is_none() => return Ok(Value::Bool(crate::value::PyBool::FALSE)),
        // Sequences: the first items that differ decide, with the same operator.
        (Value::List(x), Value::List(y)) => {
            let (xs, ys) = (x.snapshot(), y.snapshot());
            return seq_compare(vm, op, &xs, &ys);
        }
        (Value::Tuple(x), Value::Tuple(y)) => return seq_compare(vm, op, &x.items, &y.items),
        _ => {}
    }
    if let Some(r) = crate::methods::collections::view_richcompare(vm, op, a, b) {
        return Ok(Value::bool(r?));
    }
    if let Some(ord) = builtin_order(vm, a, b)? {
        use std::cmp::Ordering::*;
        return Ok(Value::bool(match op {
            CmpOp::Lt => ord == Less,
            CmpOp::LtE => ord != Greater,
            CmpOp::Gt => ord == Greater,
            CmpOp::GtE => ord != Less,
            _ => false,
        }));
    }
    if let (Value::Set(x), Value::Set(y)) = (a, b) {
        let y = &crate::methods::set::resolved_against(vm, x, y)?;
        let (xt, yt) = (x.table.lock().clone(), y.table.lock().clone());
        let sub = xt.keys().all(|k| yt.contains(k));
        let sup = yt.keys().all(|k| xt.contains(k));
        return Ok(Value::bool(match op {
            CmpOp::Lt => sub && xt.len() < yt.len(),
            CmpOp::LtE => sub,
            CmpOp::Gt => sup && xt.len() > yt.len(),
            CmpOp::GtE => sup,
            _ => false,
        }));
    }
    let (name, rname) = match op {
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::LtE => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        _ => ("__ge__", "__le__"),
    };
    if let Some(r) = rich_dunder(vm, a, b, name, rname)? {
        return Ok(r);
    }
    Err(type_error(format!(
        "'{}' not supported between instances of '{}' and '{}'",
        op.symbol(),
        type_name(a),
        type_name(b)
    )))
}

/// Ordering among built-in values of comparable types; `None` when not comparable here.
fn builtin_order(_vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<std::cmp::Ordering>> {
    use Value::*;
    Ok(match (a, b) {
        (Int(_) | Bool(_) | BigInt(_) | Float(_), Int(_) | Bool(_) | BigInt(_) | Float(_)) => num_cmp(a, b),
        (Str(x), Str(y)) => Some(x.as_str().cmp(y.as_str())),
        _ => Option::None,
    })
}

/// Numeric comparison across int, bool, big int and float (NaN compares unordered).
pub fn num_cmp(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    use Value::*;
    match (a, b) {
        (Float(x), Float(y)) => x.get().partial_cmp(&y.get()),
        (Float(x), other) | (other, Float(x)) => {
            let flip = matches!(b, Float(_)) && !matches!(a, Float(_));
            let i = to_bigint(other)?;
            let ord = if x.get().is_nan() {
                return Option::None;
            } else if x.get().is_infinite() {
                if x.get() > 0.0 {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Less
                }
            } else {
                match i.to_f64() {
                    Some(f) if f.abs() < 9.0e15 => x.get().partial_cmp(&f)?,
                    _ => {
                        // Compare exactly: floor(x) against i, then the fraction.
                        let fl = num_traits::FromPrimitive::from_f64(x.get().floor()).unwrap_or_default();
                        match (&fl as &num_bigint::BigInt).cmp(&i) {
                            std::cmp::Ordering::Equal if x.get().fract() > 0.0 => std::cmp::Ordering::Greater,
                            o => o,
                        }
                    }
                }
            };
            Some(if flip { ord.reverse() } else { ord })
        }
        (Int(x), Int(y)) => Some(x.cmp(y)),
        _ => Some(to_bigint(a)?.cmp(&to_bigint(b)?)),
    }
}

/// `xs < ys` (or another ordering `op`) for lists and tuples, as CPython's
/// `list_richcompare` does it.
fn seq_compare(vm: &mut Vm, op: CmpOp, xs: &[Value], ys: &[Value]) -> PyResult<Value> {
    nested(vm, " in comparison", |vm| seq_compare_items(vm, op, xs, ys))
}

fn seq_compare_items(vm: &mut Vm, op: CmpOp, xs: &[Value], ys: &[Value]) -> PyResult<Value> {
    for (x, y) in xs.iter().zip(ys) {
        if x.is(y) || eq(vm, x, y)? {
            continue;
        }
        return compare(vm, op, x, y);
    }
    use std::cmp::Ordering::*;
    let ord = xs.len().cmp(&ys.len());
    Ok(Value::bool(match op {
        CmpOp::Lt => ord == Less,
        CmpOp::LtE => ord != Greater,
        CmpOp::Gt => ord == Greater,
        _ => ord != Less,
    }))
}
