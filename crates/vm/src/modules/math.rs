//! The `math` module.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive};

use crate::errors::{type_error, value_error, PyResult};
use crate::modules::float_arg;
use crate::object::Args;
use crate::ops::to_bigint;
use crate::value::Value;
use crate::vm::Vm;

pub fn create() -> Value {
    let (m, dict) = crate::modules::new_module(
        "math",
        &[
            ("sqrt", sqrt),
            ("floor", floor),
            ("ceil", ceil),
            ("trunc", trunc),
            ("fabs", fabs),
            ("pow", pow),
            ("exp", exp),
            ("log", log),
            ("log2", log2),
            ("log10", log10),
            ("sin", sin),
            ("cos", cos),
            ("tan", tan),
            ("atan", atan),
            ("atan2", atan2),
            ("hypot", hypot),
            ("gcd", gcd),
            ("factorial", factorial),
            ("isqrt", isqrt),
            ("isclose", isclose),
            ("isnan", isnan),
            ("isinf", isinf),
            ("isfinite", isfinite),
            ("radians", radians),
            ("degrees", degrees),
        ],
    );
    for &(name, f) in super::math_more::FUNCTIONS {
        dict.set_str(name, crate::builtins::builtin(name, f));
    }
    dict.set_str("pi", Value::float(std::f64::consts::PI));
    dict.set_str("e", Value::float(std::f64::consts::E));
    dict.set_str("tau", Value::float(std::f64::consts::TAU));
    dict.set_str("inf", Value::float(f64::INFINITY));
    dict.set_str("nan", Value::float(f64::NAN));
    m
}

/// The one float argument of `math.name()`.
pub(super) fn one(args: &Args, name: &str) -> PyResult<f64> {
    if args.pos.len() != 1 {
        return Err(type_error(format!("math.{name}() takes exactly one argument ({} given)", args.pos.len())));
    }
    float_arg(&args.pos[0], "")
}

fn domain() -> crate::errors::PyErr {
    value_error("math domain error")
}

fn sqrt(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one(&args, "sqrt")?;
    if x < 0.0 {
        return Err(domain());
    }
    Ok(Value::float(x.sqrt()))
}

fn int_of_float(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(crate::errors::overflow_error("cannot convert float infinity to integer"));
    }
    Ok(match num_traits::FromPrimitive::from_f64(f) {
        Some(b) => Value::from_bigint(b),
        None => Value::Int(0),
    })
}

fn rounding(args: &Args, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(type_error(format!("math.{name}() takes exactly one argument ({} given)", args.pos.len())));
    }
    match &args.pos[0] {
        v @ (Value::Int(_) | Value::BigInt(_)) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(b.get() as i64)),
        v => int_of_float(f(float_arg(v, "")?)),
    }
}

fn floor(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(&args, "floor", f64::floor)
}

fn ceil(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(&args, "ceil", f64::ceil)
}

fn trunc(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(&args, "trunc", f64::trunc)
}

fn fabs(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::float(one(&args, "fabs")?.abs()))
}

/// The two float arguments of `math.name()`.
pub(super) fn two(args: &Args, name: &str) -> PyResult<(f64, f64)> {
    if args.pos.len() != 2 {
        return Err(type_error(format!("{name} expected 2 arguments, got {}", args.pos.len())));
    }
    Ok((float_arg(&args.pos[0], "")?, float_arg(&args.pos[1], "")?))
}

fn pow(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(&args, "pow")?;
    if x == 0.0 && y < 0.0 {
        return Err(domain());
    }
    Ok(Value::float(x.powf(y)))
}

fn exp(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = one(&args, "exp")?.exp();
    if r.is_infinite() {
        return Err(crate::errors::overflow_error("math range error"));
    }
    Ok(Value::float(r))
}

fn log(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.is_empty() || args.pos.len() > 2 {
        return Err(type_error(format!("log expected 1 or 2 arguments, got {}", args.pos.len())));
    }
    let ln = |v: &Value| -> PyResult<f64> {
        if let Some(b) = to_bigint(v) {
            if !b.is_positive() {
                return Err(domain());
            }
            if let Some(f) = b.to_f64().filter(|f| f.is_finite()) {
                return Ok(f.ln());
            }
            let bits = b.bits();
            let shifted: BigInt = &b >> (bits - 60);
            return Ok(shifted.to_f64().unwrap_or(1.0).ln() + (bits - 60) as f64 * std::f64::consts::LN_2);
        }
        let x = float_arg(v, "")?;
        if x <= 0.0 {
            return Err(domain());
        }
        Ok(x.ln())
    };
    let n = ln(&args.pos[0])?;
    match args.pos.get(1) {
        Some(base) => {
            let d = ln(base)?;
            if d == 0.0 {
                return Err(crate::errors::zero_division("float division by zero"));
            }
            Ok(Value::float(n / d))
        }
        None => Ok(Value::float(n)),
    }
}

fn log2(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one(&args, "log2")?;
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(Value::float(x.log2()))
}

fn log10(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one(&args, "log10")?;
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(Value::float(x.log10()))
}

fn sin(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::float(one(&args, "sin")?.sin()))
}

fn cos(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::float(one(&args, "cos")?.cos()))
}

fn tan(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::float(one(&args, "tan")?.tan()))
}

fn atan(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::float(one(&args, "atan")?.atan()))
}

fn atan2(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (y, x) = two(&args, "atan2")?;
    Ok(Value::float(y.atan2(x)))
}

fn hypot(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut acc = 0.0f64;
    for a in &args.pos {
        let x = float_arg(a, "")?;
        acc = acc.hypot(x);
    }
    Ok(Value::float(acc))
}

fn int_args(args: &Args, name: &str) -> PyResult<Vec<BigInt>> {
    args.pos
        .iter()
        .map(|v| {
            to_bigint(v).ok_or_else(|| {
                type_error(format!("'{}' object cannot be interpreted as an integer", crate::ops::type_name(v)))
            })
        })
        .collect::<PyResult<Vec<_>>>()
        .map_err(|e| {
            let _ = name;
            e
        })
}

fn gcd(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let nums = int_args(&args, "gcd")?;
    let mut acc = BigInt::from(0);
    for n in nums {
        acc = acc.gcd(&n);
    }
    Ok(Value::from_bigint(acc))
}

fn factorial(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(type_error(format!("math.factorial() takes exactly one argument ({} given)", args.pos.len())));
    }
    if let Value::Float(_) = args.pos[0] {
        return Err(type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = int_args(&args, "factorial")?.remove(0);
    if n.is_negative() {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let n = n
        .to_u64()
        .ok_or_else(|| crate::errors::overflow_error("factorial() argument should not exceed 9223372036854775807"))?;
    let mut acc = BigInt::from(1);
    for i in 2..=n {
        acc *= i;
    }
    Ok(Value::from_bigint(acc))
}

fn isqrt(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(type_error(format!("math.isqrt() takes exactly one argument ({} given)", args.pos.len())));
    }
    let n = int_args(&args, "isqrt")?.remove(0);
    if n.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn isclose(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let rel = args.take_kw("rel_tol").map(|v| float_arg(&v, "")).transpose()?.unwrap_or(1e-9);
    let abs = args.take_kw("abs_tol").map(|v| float_arg(&v, "")).transpose()?.unwrap_or(0.0);
    let (a, b) = two(&args, "isclose")?;
    if a == b {
        return Ok(Value::Bool(crate::value::PyBool::TRUE));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(crate::value::PyBool::FALSE));
    }
    let diff = (a - b).abs();
    Ok(Value::bool(diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs))
}

fn isnan(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::bool(one(&args, "isnan")?.is_nan()))
}

fn isinf(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::bool(one(&args, "isinf")?.is_infinite()))
}

fn isfinite(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::bool(one(&args, "isfinite")?.is_finite()))
}

fn radians(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::float(one(&args, "radians")?.to_radians()))
}

fn degrees(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::float(one(&args, "degrees")?.to_degrees()))
}
