//! The rest of `math`: inverse and hyperbolic functions, `fsum`, `prod`, `comb`,
//! `perm`, `lcm` and the float-splitting helpers, with CPython's errors.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::errors::{overflow_error, type_error, value_error, PyResult};
use crate::modules::float_arg;
use crate::modules::math::{one, two};
use crate::object::{Args, BuiltinFn};
use crate::ops::to_bigint;
use crate::value::Value;
use crate::vm::Vm;

/// The functions this file adds to the module.
pub const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("asin", asin),
    ("acos", acos),
    ("sinh", sinh),
    ("cosh", cosh),
    ("tanh", tanh),
    ("asinh", asinh),
    ("acosh", acosh),
    ("atanh", atanh),
    ("expm1", expm1),
    ("log1p", log1p),
    ("exp2", exp2),
    ("cbrt", cbrt),
    ("copysign", copysign),
    ("fmod", fmod),
    ("remainder", remainder),
    ("modf", modf),
    ("frexp", frexp),
    ("ldexp", ldexp),
    ("fsum", fsum),
    ("prod", prod),
    ("comb", comb),
    ("perm", perm),
    ("lcm", lcm),
];

/// CPython's `math_1`: a NaN from a non-NaN argument is a domain error, an infinity from
/// a finite one is an overflow.
fn checked(x: f64, r: f64) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() {
        return Err(value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(overflow_error("math range error"));
    }
    Ok(Value::float(r))
}

// The C library's functions, as CPython calls them: Rust's own `asinh`, `acosh` and
// `cbrt` round differently in the last place.
mod libm {
    extern "C" {
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        // Rust's runtime defines its own `cbrt`, which the linker prefers; glibc exports
        // the same function under this alias too.
        #[link_name = "cbrtf64"]
        pub fn cbrt(x: f64) -> f64;
    }
}

macro_rules! unary {
    ($($name:ident => $f:expr),* $(,)?) => {$(
        fn $name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
            let x = one(&args, stringify!($name))?;
            let f: fn(f64) -> f64 = $f;
            checked(x, f(x))
        }
    )*};
}

unary! {
    asin => f64::asin,
    acos => f64::acos,
    sinh => f64::sinh,
    cosh => f64::cosh,
    tanh => f64::tanh,
    // SAFETY: pure C math functions of one double.
    asinh => |x| unsafe { libm::asinh(x) },
    acosh => |x| unsafe { libm::acosh(x) },
    expm1 => f64::exp_m1,
    exp2 => f64::exp2,
    cbrt => |x| unsafe { libm::cbrt(x) },
}

fn atanh(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one(&args, "atanh")?;
    if x.abs() >= 1.0 {
        return Err(value_error("math domain error"));
    }
    Ok(Value::float(x.atanh()))
}

fn log1p(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one(&args, "log1p")?;
    if x <= -1.0 {
        return Err(value_error("math domain error"));
    }
    Ok(Value::float(x.ln_1p()))
}

fn copysign(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(&args, "copysign")?;
    Ok(Value::float(x.copysign(y)))
}

fn fmod(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(&args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    if (y == 0.0 || x.is_infinite()) && !x.is_nan() && !y.is_nan() {
        return Err(value_error("math domain error"));
    }
    Ok(Value::float(x % y))
}

/// IEEE 754 remainder: `x - n*y` with `n` the integer nearest `x/y` (ties to even).
fn remainder(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(&args, "remainder")?;
    if x.is_nan() || y.is_nan() {
        return Ok(Value::float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(value_error("math domain error"));
    }
    if y.is_infinite() {
        return Ok(Value::float(x));
    }
    let (ax, ay) = (x.abs(), y.abs());
    let m = ax % ay;
    let c = ay - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // Half way: pick the even multiple.
        m - 2.0 * ((0.5 * (ax - m)) % ay)
    };
    Ok(Value::float(1.0f64.copysign(x) * r))
}

fn modf(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one(&args, "modf")?;
    if x.is_infinite() {
        return Ok(Value::tuple(vec![Value::float(0.0f64.copysign(x)), Value::float(x)]));
    }
    let int = x.trunc();
    Ok(Value::tuple(vec![Value::float((x - int).copysign(x)), Value::float(int)]))
}

fn frexp(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one(&args, "frexp")?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::tuple(vec![Value::float(x), Value::Int(0)]));
    }
    let bits = x.abs().to_bits();
    let (mut exp, mut mant_bits) = (((bits >> 52) & 0x7ff) as i64, bits);
    if exp == 0 {
        // Subnormal: normalise first.
        let scaled = x.abs() * 2f64.powi(64);
        mant_bits = scaled.to_bits();
        exp = ((mant_bits >> 52) & 0x7ff) as i64 - 64;
    }
    let m = f64::from_bits((mant_bits & !(0x7ff << 52)) | (1022 << 52)).copysign(x);
    Ok(Value::tuple(vec![Value::float(m), Value::Int(exp - 1022)]))
}

fn ldexp(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return Err(type_error(format!("ldexp expected 2 arguments, got {}", args.pos.len())));
    }
    let x = float_arg(&args.pos[0], "")?;
    let Some(i) = to_bigint(&args.pos[1]).filter(|_| !matches!(args.pos[1], Value::Float(_))) else {
        return Err(type_error("Expected an int as second argument to ldexp."));
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::float(x));
    }
    let e = i.to_i64().unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX }).clamp(-4000, 4000) as i32;
    // Two steps, so that neither power of two overflows on its own.
    let r = x * 2f64.powi(e / 2) * 2f64.powi(e - e / 2);
    if r.is_infinite() {
        return Err(overflow_error("math range error"));
    }
    Ok(Value::float(r))
}

/// `fsum`: the correctly rounded sum, by Shewchuk's exact partial sums (as CPython).
fn fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(type_error(format!("math.fsum() takes exactly one argument ({} given)", args.pos.len())));
    }
    let it = crate::iter::get_iter(vm, &args.pos[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(v) = crate::iter::next(vm, &it)? {
        let mut x = float_arg(&v, "")?;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        let mut kept = 0;
        for i in 0..partials.len() {
            let mut y = partials[i];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        if x.is_infinite() {
            return Err(overflow_error("intermediate overflow in fsum"));
        }
        partials.truncate(kept);
        partials.push(x);
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special));
    }
    // Add the partials from the top, correcting the last rounding (round-half-even).
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            n -= 1;
            let x = hi;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    Ok(Value::float(hi))
}

fn prod(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start").unwrap_or(Value::Int(1));
    if let Some((k, _)) = args.kw.first() {
        return Err(type_error(format!("'{k}' is an invalid keyword argument for prod()")));
    }
    if args.pos.len() != 1 {
        return Err(type_error(format!("prod() takes exactly 1 positional argument ({} given)", args.pos.len())));
    }
    let it = crate::iter::get_iter(vm, &args.pos[0])?;
    let mut acc = start;
    while let Some(v) = crate::iter::next(vm, &it)? {
        acc = crate::ops::binary_op(vm, gilvm_syntax::ast::BinOp::Mul, &acc, &v, false)?;
    }
    Ok(acc)
}

fn int_arg(v: &Value) -> PyResult<BigInt> {
    if matches!(v, Value::Float(_)) {
        return Err(type_error("'float' object cannot be interpreted as an integer"));
    }
    to_bigint(v)
        .ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", crate::ops::type_name(v))))
}

/// n! / (n-k)!, as a product.
fn falling(n: &BigInt, k: u64) -> BigInt {
    let mut acc = BigInt::one();
    let mut f = n.clone();
    for _ in 0..k {
        acc *= &f;
        f -= 1;
    }
    acc
}

fn n_and_k(args: &Args, name: &str, k_optional: bool) -> PyResult<(BigInt, Option<BigInt>)> {
    let (min, max) = if k_optional { (1, 2) } else { (2, 2) };
    if args.pos.len() < min || args.pos.len() > max {
        return Err(type_error(if min == max {
            format!("{name} expected {min} arguments, got {}", args.pos.len())
        } else {
            format!("{name} expected at most {max} arguments, got {}", args.pos.len())
        }));
    }
    let n = int_arg(&args.pos[0])?;
    let k = match args.pos.get(1) {
        None | Some(Value::None) if k_optional => None,
        Some(v) => Some(int_arg(v)?),
        None => None,
    };
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.as_ref().is_some_and(|k| k.is_negative()) {
        return Err(value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn comb(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (n, k) = n_and_k(&args, "comb", false)?;
    let k = k.unwrap_or_default();
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64() else { return Err(overflow_error("min(n - k, k) must not exceed 9223372036854775807")) };
    let num = falling(&n, k);
    let den = falling(&BigInt::from(k), k);
    Ok(Value::from_bigint(num / den))
}

fn perm(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (n, k) = n_and_k(&args, "perm", true)?;
    let k = k.unwrap_or_else(|| n.clone());
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64() else { return Err(overflow_error("k must not exceed 9223372036854775807")) };
    Ok(Value::from_bigint(falling(&n, k)))
}

fn lcm(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut acc = BigInt::one();
    for v in &args.pos {
        let n = int_arg(v)?;
        if n.is_zero() {
            acc = BigInt::zero();
            continue;
        }
        acc = acc.lcm(&n);
    }
    Ok(Value::from_bigint(acc.abs()))
}
