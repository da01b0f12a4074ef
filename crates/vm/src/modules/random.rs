//! The `random` module, bit-for-bit with CPython for a given seed (see `mt.rs`).

use num_bigint::{BigInt, Sign};
use num_traits::Signed;

use crate::errors::{index_error, type_error, value_error, PyResult};
use crate::modules::float_arg;
use crate::modules::mt::Mt19937;
use crate::object::Args;
use crate::ops::{to_bigint, type_name};
use crate::value::Value;
use crate::vm::Vm;

pub fn create() -> Value {
    crate::modules::new_module(
        "random",
        &[
            ("seed", seed),
            ("random", random),
            ("randint", randint),
            ("randrange", randrange),
            ("choice", choice),
            ("choices", choices),
            ("shuffle", shuffle),
            ("uniform", uniform),
            ("sample", sample),
            ("getrandbits", getrandbits),
            ("gauss", gauss),
            ("normalvariate", normalvariate),
            ("expovariate", expovariate),
            ("triangular", triangular),
        ],
    )
    .0
}

/// Runs `f` with the interpreter's generator (seeded from entropy on first use).
fn with_rng<T>(vm: &mut Vm, f: impl FnOnce(&mut Mt19937) -> T) -> T {
    let mut guard = vm.interp.random.lock();
    let rng = guard.get_or_insert_with(fresh_rng);
    f(rng)
}

#[cold]
#[inline(never)]
fn fresh_rng() -> Box<Mt19937> {
    Box::new(Mt19937::from_entropy())
}

fn int_arg(v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Float(f) if f.get().fract() == 0.0 => {
            num_traits::FromPrimitive::from_f64(f.get()).ok_or_else(|| value_error("non-integer arg"))
        }
        _ => to_bigint(v)
            .ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

fn seed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rng = match args.pos.first() {
        None | Some(Value::None) => Mt19937::from_entropy(),
        Some(Value::Str(s)) => Mt19937::from_str_seed(s.as_str()),
        Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => {
            Mt19937::from_int_seed(&to_bigint(v).unwrap_or_default())
        }
        Some(Value::Float(f)) => Mt19937::from_hash_seed(crate::dict::hash_f64(f.get())),
        Some(other) => {
            return Err(type_error(format!(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray. (got {})",
                type_name(other)
            )))
        }
    };
    *vm.interp.random.lock() = Some(Box::new(rng));
    Ok(Value::None)
}

fn random(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::float(with_rng(vm, |r| r.random())))
}

fn randint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return Err(type_error(format!(
            "Random.randint() missing {} required positional argument{}",
            2usize.saturating_sub(args.pos.len()),
            if args.pos.len() == 1 { ": 'b'" } else { "s: 'a' and 'b'" }
        )));
    }
    let (a, b) = (int_arg(&args.pos[0])?, int_arg(&args.pos[1])?);
    let r = with_rng(vm, |r| r.randint(&a, &b)).map_err(value_error)?;
    Ok(Value::from_bigint(r))
}

fn randrange(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p: Vec<BigInt> = args.pos.iter().map(int_arg).collect::<PyResult<_>>()?;
    let one = BigInt::from(1);
    let r = match p.len() {
        1 => with_rng(vm, |r| r.randrange(&p[0], None, &one)),
        2 => with_rng(vm, |r| r.randrange(&p[0], Some(&p[1]), &one)),
        3 => with_rng(vm, |r| r.randrange(&p[0], Some(&p[1]), &p[2])),
        n => return Err(type_error(format!("randrange expected at most 3 arguments, got {n}"))),
    };
    r.map(Value::from_bigint).map_err(value_error)
}

fn choice(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(type_error("Random.choice() takes 2 positional arguments"));
    }
    let seq = &args.pos[0];
    let n = crate::protocol::len(vm, seq)?;
    if n == 0 {
        return Err(index_error("Cannot choose from an empty sequence"));
    }
    let i = with_rng(vm, |r| r.choice_index(n));
    crate::protocol::getitem(vm, seq, &Value::Int(i as i64))
}

/// `random.choices(population, weights=None, *, cum_weights=None, k=1)`, drawing the
/// same numbers as `Lib/random.py` (one `random()` per pick, then a bisection).
fn choices(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cum_weights = args.take_kw("cum_weights").filter(|v| !matches!(v, Value::None));
    let k = match args.take_kw("k") {
        Some(v) => int_arg(&v)?,
        None => BigInt::from(1),
    };
    let weights = match args.take_kw("weights") {
        Some(w) => Some(w),
        None => args.pos.get(1).cloned(),
    }
    .filter(|v| !matches!(v, Value::None));
    if let Some((name, _)) = args.kw.first() {
        return Err(type_error(format!("Random.choices() got an unexpected keyword argument '{name}'")));
    }
    let Some(population) = args.pos.first().cloned() else {
        return Err(type_error("Random.choices() missing 1 required positional argument: 'population'"));
    };
    if args.pos.len() > 2 {
        return Err(type_error(format!(
            "Random.choices() takes from 2 to 3 positional arguments but {} were given",
            args.pos.len() + 1
        )));
    }
    let n = crate::protocol::len(vm, &population)?;
    // A negative k gives an empty list, as `range(k)` would.
    let k = usize::try_from(k).unwrap_or(0);
    let cum: Option<Vec<f64>> = match (weights, cum_weights) {
        (Some(_), Some(_)) => return Err(type_error("Cannot specify both weights and cumulative weights")),
        (None, None) => None,
        (Some(w), None) => {
            if matches!(w, Value::Int(_) | Value::BigInt(_)) {
                return Err(type_error(format!(
                    "The number of choices must be a keyword argument: k={}",
                    crate::protocol::repr(vm, &w)?
                )));
            }
            let mut total = 0.0;
            let mut acc = Vec::new();
            for v in crate::protocol::collect(vm, &w)? {
                total += float_arg(&v, "")?;
                acc.push(total);
            }
            Some(acc)
        }
        (None, Some(c)) => {
            let items = crate::protocol::collect(vm, &c)?;
            Some(items.iter().map(|v| float_arg(v, "")).collect::<PyResult<_>>()?)
        }
    };
    let mut out = Vec::with_capacity(k.min(1 << 20));
    match cum {
        None => {
            for _ in 0..k {
                let i = (with_rng(vm, |r| r.random()) * n as f64).floor() as i64;
                out.push(crate::protocol::getitem(vm, &population, &Value::Int(i))?);
            }
        }
        Some(cum) => {
            if cum.len() != n {
                return Err(value_error("The number of weights does not match the population"));
            }
            let total = cum.last().copied().unwrap_or(0.0);
            if total.is_nan() || total <= 0.0 {
                if total.is_nan() {
                    return Err(value_error("Total of weights must be finite"));
                }
                return Err(value_error("Total of weights must be greater than zero"));
            }
            if !total.is_finite() {
                return Err(value_error("Total of weights must be finite"));
            }
            for _ in 0..k {
                let x = with_rng(vm, |r| r.random()) * total;
                // bisect_right(cum, x, 0, n - 1)
                let (mut lo, mut hi) = (0, n - 1);
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    if x < cum[mid] {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                out.push(crate::protocol::getitem(vm, &population, &Value::Int(lo as i64))?);
            }
        }
    }
    Ok(Value::list(out))
}

fn shuffle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::List(l)) = args.pos.first() else {
        return Err(type_error("shuffle() needs a list"));
    };
    let n = l.len();
    let swaps = with_rng(vm, |r| r.shuffle_swaps(n));
    let mut items = l.items.lock();
    for (i, j) in swaps {
        if i < items.len() && j < items.len() {
            items.swap(i, j);
        }
    }
    Ok(Value::None)
}

fn uniform(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return Err(type_error("uniform() takes exactly 2 arguments"));
    }
    let (a, b) = (float_arg(&args.pos[0], "")?, float_arg(&args.pos[1], "")?);
    Ok(Value::float(with_rng(vm, |r| r.uniform(a, b))))
}

fn sample(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return Err(type_error("sample() takes exactly 2 positional arguments"));
    }
    let population = match &args.pos[0] {
        v @ (Value::List(_) | Value::Tuple(_) | Value::Range(_) | Value::Str(_)) => crate::protocol::collect(vm, v)?,
        other => {
            return Err(type_error(format!(
                "Population must be a sequence.  For dicts or sets, use sorted(d). (got {})",
                type_name(other)
            )))
        }
    };
    let k = int_arg(&args.pos[1])?;
    if k.is_negative() {
        return Err(value_error("Sample larger than population or is negative"));
    }
    let k = usize::try_from(k).map_err(|_| value_error("Sample larger than population or is negative"))?;
    let idx = with_rng(vm, |r| r.sample_indices(population.len(), k)).map_err(value_error)?;
    Ok(Value::list(idx.into_iter().map(|i| population[i].clone()).collect()))
}

fn getrandbits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let k = args.pos.first().map(int_arg).transpose()?.unwrap_or_default();
    if k.is_negative() {
        return Err(value_error("number of bits must be non-negative"));
    }
    let k = u64::try_from(k).map_err(|_| crate::errors::overflow_error("Python int too large to convert to C int"))?;
    if k > 1 << 28 {
        return Err(crate::errors::memory_error());
    }
    let r = with_rng(vm, |r| r.getrandbits(k));
    Ok(Value::from_bigint(BigInt::from_biguint(Sign::Plus, r)))
}

fn gauss(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mu = args.pos.first().map(|v| float_arg(v, "")).transpose()?.unwrap_or(0.0);
    let sigma = args.pos.get(1).map(|v| float_arg(v, "")).transpose()?.unwrap_or(1.0);
    Ok(Value::float(with_rng(vm, |r| r.gauss(mu, sigma))))
}

fn normalvariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mu = args.pos.first().map(|v| float_arg(v, "")).transpose()?.unwrap_or(0.0);
    let sigma = args.pos.get(1).map(|v| float_arg(v, "")).transpose()?.unwrap_or(1.0);
    Ok(Value::float(with_rng(vm, |r| r.normalvariate(mu, sigma))))
}

/// `random.expovariate(lambd)`: `-log(1.0 - random()) / lambd`, as in 3.11.
fn expovariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(lambd) = args.pos.first() else {
        return Err(type_error("Random.expovariate() missing 1 required positional argument: 'lambd'"));
    };
    let lambd = float_arg(lambd, "")?;
    let u = with_rng(vm, |r| r.random());
    if lambd == 0.0 {
        return Err(crate::errors::zero_division("float division by zero"));
    }
    Ok(Value::float(-(1.0 - u).ln() / lambd))
}

/// `random.triangular(low=0.0, high=1.0, mode=None)`.
fn triangular(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut low = args.pos.first().map(|v| float_arg(v, "")).transpose()?.unwrap_or(0.0);
    let mut high = args.pos.get(1).map(|v| float_arg(v, "")).transpose()?.unwrap_or(1.0);
    let mode = match args.pos.get(2) {
        None | Some(Value::None) => None,
        Some(v) => Some(float_arg(v, "")?),
    };
    let mut u = with_rng(vm, |r| r.random());
    let mut c = match mode {
        None => 0.5,
        Some(_) if high == low => return Ok(Value::float(low)),
        Some(m) => (m - low) / (high - low),
    };
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(Value::float(low + (high - low) * (u * c).sqrt()))
}
