//! Binary and unary operators: numeric fast paths, sequences, sets, and the `__add__` /
//! `__radd__` protocol for user classes.

use std::sync::Arc;

use gilvm_syntax::ast::BinOp;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::errors::{overflow_error, type_error, zero_division, PyResult};
use crate::format::bigint_to_f64;
use crate::object::Args;
use crate::types::types;
use crate::value::Value;
use crate::vm::Vm;

/// The Python type name of a value, as error messages show it.
pub fn type_name(v: &Value) -> String {
    crate::protocol::class_of(v).name.to_string()
}

fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
    }
}

pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(b.get() as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// A number as f64, for mixed int/float arithmetic (OverflowError for huge ints).
pub fn to_f64(v: &Value) -> PyResult<Option<f64>> {
    Ok(match v {
        Value::Float(f) => Some(f.get()),
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(b.get() as i64 as f64),
        Value::BigInt(b) => Some(bigint_to_f64(b).ok_or_else(|| overflow_error("int too large to convert to float"))?),
        _ => None,
    })
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

fn is_number(v: &Value) -> bool {
    is_int(v) || matches!(v, Value::Float(_))
}

/// `a op b` (or `a op= b` when `inplace`).
pub fn binary_op(vm: &mut Vm, op: BinOp, a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        if let Some(v) = int_op_fast(op, *x, *y)? {
            return Ok(v);
        }
    }
    if is_number(a) && is_number(b) {
        // bool's own `&`, `|` and `^` keep the type.
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            let (x, y) = (x.get(), y.get());
            match op {
                BinOp::BitAnd => return Ok(Value::bool(x & y)),
                BinOp::BitOr => return Ok(Value::bool(x | y)),
                BinOp::BitXor => return Ok(Value::bool(x ^ y)),
                _ => {}
            }
        }
        if is_int(a) && is_int(b) && op != BinOp::MatMul {
            return bigint_op(op, &to_bigint(a).unwrap_or_default(), &to_bigint(b).unwrap_or_default());
        }
        if let Some(v) = float_op(op, a, b)? {
            return Ok(v);
        }
    }
    if let Some(v) = builtin_op(vm, op, a, b, inplace)? {
        return Ok(v);
    }
    // User-defined operators: a.__iop__(b), a.__op__(b), then b.__rop__(a).
    let (name, rname, iname) = dunder(op);
    if inplace {
        if let Some(r) = call_dunder(vm, a, iname, b)? {
            return Ok(r);
        }
    }
    // CPython's SLOT1BINFULL: a right operand of a subclass that overrides the reflected
    // method goes first; operands of the same class never try it.
    let (same_class, b_first) = match (a, b) {
        (Value::Instance(x), Value::Instance(y)) => {
            let same = Arc::ptr_eq(&x.class, &y.class);
            let overrides = || match (y.class.lookup(rname), x.class.lookup(rname)) {
                (Some(fy), Some(fx)) => !fy.is(&fx),
                (Some(_), None) => true,
                _ => false,
            };
            (same, !same && y.class.is_subclass(&x.class) && overrides())
        }
        _ => (false, false),
    };
    if b_first {
        if let Some(r) = call_dunder(vm, b, rname, a)? {
            return Ok(r);
        }
    }
    if let Some(r) = call_dunder(vm, a, name, b)? {
        return Ok(r);
    }
    if !same_class && !b_first {
        if let Some(r) = call_dunder(vm, b, rname, a)? {
            return Ok(r);
        }
    }
    // `seq * obj` where obj has `__index__` (tried after obj's `__rmul__`, as CPython's
    // sequence repeat comes after the number slots).
    if op == BinOp::Mul {
        let seq = |v: &Value| matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_));
        let (s, n) = if seq(a) { (a, b) } else { (b, a) };
        if seq(s) && !(inplace && !seq(a)) {
            if let Value::Instance(inst) = n {
                if let Some(f) = inst.class.lookup("__index__") {
                    let i = vm.call(&f, Args::new(vec![n.clone()]))?;
                    if !is_int(&i) {
                        return Err(type_error(format!("__index__ returned non-int (type {})", type_name(&i))));
                    }
                    let i = if let Value::Bool(x) = i { Value::Int(x.get() as i64) } else { i };
                    return binary_op(vm, op, s, &i, inplace && seq(a));
                }
            }
        }
    }
    Err(op_type_error(op, a, b, inplace))
}

fn op_type_error(op: BinOp, a: &Value, b: &Value, inplace: bool) -> crate::errors::PyErr {
    let sym = if inplace { format!("{}=", op.symbol()) } else { op.symbol().to_string() };
    if op == BinOp::Add {
        // The sequence's own concatenation comes last, so its message wins even when
        // the right operand is an object whose `__radd__` declined.
        if let Value::Str(_) | Value::List(_) | Value::Tuple(_) = a {
            let an = type_name(a);
            return type_error(format!("can only concatenate {an} (not \"{}\") to {an}", type_name(b)));
        }
    }
    if op == BinOp::Mul {
        let seq = |v: &Value| matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_));
        // For `a *= b`, a left operand with sequence slots but no repeat (set, dict,
        // range, instances) is not repeated by `b`.
        let has_seq_slots = |v: &Value| {
            matches!(v, Value::Set(_) | Value::Dict(_) | Value::Range(_) | Value::Instance(_) | Value::Native(_))
        };
        if seq(a) {
            return type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(b)));
        }
        if seq(b) && !(inplace && has_seq_slots(a)) {
            return type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(a)));
        }
    }
    if op == BinOp::Pow {
        return type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            if inplace { "**=" } else { "** or pow()" },
            type_name(a),
            type_name(b)
        ));
    }
    type_error(format!("unsupported operand type(s) for {sym}: '{}' and '{}'", type_name(a), type_name(b)))
}

/// Calls `obj.name(other)` if `obj`'s class defines it; `None` if absent or NotImplemented.
fn call_dunder(vm: &mut Vm, obj: &Value, name: &str, other: &Value) -> PyResult<Option<Value>> {
    let Value::Instance(inst) = obj else {
        return Ok(None);
    };
    let Some(f) = inst.class.lookup(name) else {
        return Ok(None);
    };
    let r = vm.call(&f, Args::new(vec![obj.clone(), other.clone()]))?;
    Ok(if matches!(r, Value::NotImplemented) { None } else { Some(r) })
}

/// i64 arithmetic that stays in i64; `None` when the result needs a BigInt or a float path.
#[inline]
fn int_op_fast(op: BinOp, x: i64, y: i64) -> PyResult<Option<Value>> {
    Ok(match op {
        BinOp::Add => x.checked_add(y).map(Value::Int),
        BinOp::Sub => x.checked_sub(y).map(Value::Int),
        BinOp::Mul => x.checked_mul(y).map(Value::Int),
        BinOp::FloorDiv => {
            if y == 0 {
                return Err(zero_division("integer division or modulo by zero"));
            }
            x.checked_div_euclid(y).map(|_| Value::Int(Integer::div_floor(&x, &y)))
        }
        BinOp::Mod => {
            if y == 0 {
                return Err(zero_division("integer modulo by zero"));
            }
            x.checked_rem(y).map(|_| Value::Int(Integer::mod_floor(&x, &y)))
        }
        BinOp::Div => {
            if y == 0 {
                return Err(zero_division("division by zero"));
            }
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                Some(Value::float(x as f64 / y as f64))
            } else {
                None
            }
        }
        BinOp::BitAnd => Some(Value::Int(x & y)),
        BinOp::BitOr => Some(Value::Int(x | y)),
        BinOp::BitXor => Some(Value::Int(x ^ y)),
        BinOp::LShift => {
            if y < 0 {
                return Err(crate::errors::value_error("negative shift count"));
            }
            if y < 63 && (x.abs() >> (62 - y)) == 0 {
                Some(Value::Int(x << y))
            } else {
                None
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return Err(crate::errors::value_error("negative shift count"));
            }
            Some(Value::Int(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            }))
        }
        BinOp::Pow => {
            if y < 0 {
                if x == 0 {
                    return Err(zero_division("0.0 cannot be raised to a negative power"));
                }
                Some(Value::float((x as f64).powf(y as f64)))
            } else if y <= u32::MAX as i64 {
                x.checked_pow(y as u32).map(Value::Int)
            } else {
                None
            }
        }
        BinOp::MatMul => None,
    })
}

fn bigint_op(op: BinOp, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    Ok(Value::from_bigint(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(zero_division("integer division or modulo by zero"));
            }
            x.div_floor(y)
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(zero_division("integer modulo by zero"));
            }
            x.mod_floor(y)
        }
        BinOp::Div => {
            if y.is_zero() {
                return Err(zero_division("division by zero"));
            }
            return Ok(Value::float(int_true_div(x, y)?));
        }
        BinOp::BitAnd => x & y,
        BinOp::BitOr => x | y,
        BinOp::BitXor => x ^ y,
        BinOp::LShift => {
            let n = y.to_i64().ok_or_else(|| overflow_error("too many digits in integer"))?;
            if n < 0 {
                return Err(crate::errors::value_error("negative shift count"));
            }
            if n > 1 << 32 {
                return Err(overflow_error("too many digits in integer"));
            }
            x << (n as usize)
        }
        BinOp::RShift => {
            let n = y.to_i64().unwrap_or(i64::MAX);
            if n < 0 {
                return Err(crate::errors::value_error("negative shift count"));
            }
            if n > 1 << 40 {
                if x.is_negative() {
                    BigInt::from(-1)
                } else {
                    BigInt::zero()
                }
            } else {
                x >> (n as usize)
            }
        }
        BinOp::Pow => {
            if y.is_negative() {
                let (fx, fy) = (bigint_to_f64(x), bigint_to_f64(y));
                if x.is_zero() {
                    return Err(zero_division("0.0 cannot be raised to a negative power"));
                }
                return Ok(Value::float(fx.unwrap_or(f64::INFINITY).powf(fy.unwrap_or(f64::NEG_INFINITY))));
            }
            let e = y.to_u32().ok_or_else(|| overflow_error("exponent too large"))?;
            if x.magnitude().bits() as u128 * e as u128 > 64 * 1024 * 1024 * 8 {
                return Err(crate::errors::memory_error());
            }
            num_traits::pow(x.clone(), e as usize)
        }
        BinOp::MatMul => return Err(type_error("unsupported operand type(s) for @: 'int' and 'int'")),
    }))
}

/// Correctly rounded int / int for values beyond 2**53.
fn int_true_div(x: &BigInt, y: &BigInt) -> PyResult<f64> {
    match (bigint_to_f64(x), bigint_to_f64(y)) {
        (Some(a), Some(b)) if a.abs() < 9.0e15 && b.abs() < 9.0e15 => Ok(a / b),
        _ => {
            // Scale so that the quotient carries 64+ significant bits, then round once.
            let shift = (y.bits() as i64 - x.bits() as i64 + 66).max(0) as usize;
            let q = (x << shift) / y;
            let qf =
                bigint_to_f64(&q).ok_or_else(|| overflow_error("integer division result too large for a float"))?;
            let r = qf / 2f64.powi(shift as i32);
            if r.is_infinite() {
                return Err(overflow_error("integer division result too large for a float"));
            }
            Ok(r)
        }
    }
}

fn float_op(op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (to_f64(a)?, to_f64(b)?) else {
        return Ok(None);
    };
    Ok(Some(Value::float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return Err(zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(zero_division("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(zero_division("float modulo"));
            }
            float_divmod(x, y).1
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(zero_division("0.0 cannot be raised to a negative power"));
            }
            if x < 0.0 && y.fract() != 0.0 {
                return Err(crate::errors::value_error(
                    "gilvm does not support complex numbers (negative number raised to a fractional power)",
                ));
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(overflow_error("(34, 'Numerical result out of range')"));
            }
            r
        }
        _ => return Ok(None),
    })))
}

/// Python's float divmod (floor division and a remainder with the divisor's sign).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// The repeat count of `seq * n` for an int `n`; `None` if `n` is not an int.
fn repeat_count(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(b.get() as i64),
        Value::BigInt(_) => Some(i64::MAX),
        _ => None,
    }
}

/// [`repeat_count`] with CPython's overflow check for counts beyond an index-sized int.
fn repeat_n(len: usize, v: &Value) -> PyResult<usize> {
    if let Value::BigInt(_) = v {
        return Err(overflow_error("cannot fit 'int' into an index-sized integer"));
    }
    check_repeat(len, repeat_count(v).unwrap_or(0))
}

fn check_repeat(len: usize, n: i64) -> PyResult<usize> {
    let n = n.max(0) as usize;
    if len > 0 && n > (1usize << 34) / len.max(1) {
        return Err(crate::errors::memory_error());
    }
    Ok(n)
}

/// Operators on built-in containers and strings.
fn builtin_op(vm: &mut Vm, op: BinOp, a: &Value, b: &Value, inplace: bool) -> PyResult<Option<Value>> {
    Ok(Some(match (op, a, b) {
        (BinOp::Add, Value::Str(x), Value::Str(y)) => {
            let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
            s.push_str(x.as_str());
            s.push_str(y.as_str());
            Value::str(s)
        }
        (BinOp::Add, Value::List(x), Value::List(y)) => {
            if inplace {
                let extra = y.snapshot();
                x.items.lock().extend(extra);
                return Ok(Some(a.clone()));
            }
            let mut items = x.snapshot();
            items.extend(y.snapshot());
            Value::list(items)
        }
        (BinOp::Add, Value::List(x), other) if inplace => {
            if matches!(other, Value::Instance(_)) && crate::protocol::class_of(other).lookup("__iter__").is_none() {
                return Ok(None);
            }
            let extra = crate::protocol::collect(vm, other)?;
            x.items.lock().extend(extra);
            a.clone()
        }
        (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
            let mut items = x.items.to_vec();
            items.extend(y.items.iter().cloned());
            Value::tuple(items)
        }
        (BinOp::Mul, Value::Str(s), n) | (BinOp::Mul, n, Value::Str(s)) if repeat_count(n).is_some() => {
            let n = repeat_n(s.as_str().len(), n)?;
            Value::str(s.as_str().repeat(n))
        }
        (BinOp::Mul, Value::List(l), n) | (BinOp::Mul, n, Value::List(l)) if repeat_count(n).is_some() => {
            let items = l.snapshot();
            let n = repeat_n(items.len(), n)?;
            if inplace && matches!(a, Value::List(_)) {
                let mut guard = l.items.lock();
                let orig = guard.clone();
                guard.clear();
                for _ in 0..n {
                    guard.extend(orig.iter().cloned());
                }
                return Ok(Some(a.clone()));
            }
            let mut out = Vec::with_capacity(items.len() * n);
            for _ in 0..n {
                out.extend(items.iter().cloned());
            }
            Value::list(out)
        }
        (BinOp::Mul, Value::Tuple(t), n) | (BinOp::Mul, n, Value::Tuple(t)) if repeat_count(n).is_some() => {
            let n = repeat_n(t.items.len(), n)?;
            let mut out = Vec::with_capacity(t.items.len() * n);
            for _ in 0..n {
                out.extend(t.items.iter().cloned());
            }
            Value::tuple(out)
        }
        (BinOp::Mod, Value::Str(s), args) => {
            if matches!(args, Value::Instance(_)) && crate::protocol::class_of(args).lookup("__rmod__").is_some() {
                return Ok(None);
            }
            Value::str(crate::methods::percent::percent_format(vm, s.as_str(), args)?)
        }
        (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Value::Set(x), Value::Set(y)) => {
            let y = &crate::methods::set::resolved_against(vm, x, y)?;
            // A frozenset has no in-place operators: `fs |= s` rebinds to a new frozenset.
            if inplace && !x.frozen {
                crate::methods::set::set_inplace_op(op, x, y)?;
                return Ok(Some(a.clone()));
            }
            let r = crate::methods::set::set_op(op, x, y)?;
            Value::Set(Arc::new(crate::set::Set { table: crate::sync::Mutex::new(r), frozen: x.frozen }))
        }
        (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Value::Native(_), _)
        | (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, _, Value::Native(_))
            if !matches!(a, Value::Instance(_)) =>
        {
            match crate::methods::collections::view_binop(vm, op, a, b) {
                Some(r) => r?,
                None => return Ok(None),
            }
        }
        (BinOp::BitOr, Value::Dict(x), Value::Dict(y)) => {
            if inplace {
                let items = y.items();
                for (k, v) in items {
                    let key = crate::protocol::dict_key(vm, x, &k)?;
                    x.insert(key, v);
                }
                return Ok(Some(a.clone()));
            }
            let d = x.copy();
            for (k, v) in y.items() {
                let key = crate::protocol::dict_key(vm, &d, &k)?;
                d.insert(key, v);
            }
            Value::Dict(Arc::new(d))
        }
        _ => return Ok(None),
    }))
}

pub fn unary_negative(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match v {
        Value::Int(i) => match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => Value::from_bigint(-BigInt::from(*i)),
        },
        Value::Bool(b) => Value::Int(-(b.get() as i64)),
        Value::BigInt(b) => Value::from_bigint(-(**b).clone()),
        Value::Float(f) => Value::float(-f.get()),
        _ => return unary_dunder(vm, v, "__neg__", "-"),
    })
}

pub fn unary_positive(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match v {
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) => v.clone(),
        Value::Bool(b) => Value::Int(b.get() as i64),
        _ => return unary_dunder(vm, v, "__pos__", "+"),
    })
}

pub fn unary_invert(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match v {
        Value::Int(i) => Value::Int(!i),
        Value::Bool(b) => Value::Int(!(b.get() as i64)),
        Value::BigInt(b) => Value::from_bigint(-(**b).clone() - 1),
        _ => return unary_dunder(vm, v, "__invert__", "~"),
    })
}

fn unary_dunder(vm: &mut Vm, v: &Value, name: &str, sym: &str) -> PyResult<Value> {
    if let Value::Instance(inst) = v {
        if let Some(f) = inst.class.lookup(name) {
            return vm.call(&f, Args::new(vec![v.clone()]));
        }
    }
    Err(type_error(format!("bad operand type for unary {sym}: '{}'", type_name(v))))
}

/// `abs(x)`.
pub fn abs(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match v {
        Value::Int(i) => match i.checked_abs() {
            Some(n) => Value::Int(n),
            None => Value::from_bigint(BigInt::from(*i).abs()),
        },
        Value::Bool(b) => Value::Int(b.get() as i64),
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        Value::Float(f) => Value::float(f.get().abs()),
        Value::Instance(inst) => match inst.class.lookup("__abs__") {
            Some(f) => vm.call(&f, Args::new(vec![v.clone()]))?,
            None => return Err(type_error(format!("bad operand type for abs(): '{}'", type_name(v)))),
        },
        _ => return Err(type_error(format!("bad operand type for abs(): '{}'", type_name(v)))),
    })
}

#[allow(dead_code)]
fn _types_used() -> &'static crate::types::Types {
    types()
}
