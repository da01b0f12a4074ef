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
            ("shuffle", shuffle),
            ("uniform", uniform),
            ("sample", sample),
            ("getrandbits", getrandbits),
            ("gauss", gauss),
        ],
    )
    .0
}

/// Runs `f` with the interpreter's generator (seeded from entropy on first use).
fn with_rng<T>(vm: &mut Vm, f: impl FnOnce(&mut Mt19937) -> T) -> T {
    let mut guard = vm.interp.random.lock();
    let rng = guard.get_or_insert_with(Mt19937::from_entropy);
    f(rng)
}

fn int_arg(v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Float(f) if f.fract() == 0.0 => {
            num_traits::FromPrimitive::from_f64(*f).ok_or_else(|| value_error("non-integer arg"))
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
        Some(Value::Float(f)) => Mt19937::from_hash_seed(crate::dict::hash_f64(*f)),
        Some(other) => {
            return Err(type_error(format!(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray. (got {})",
                type_name(other)
            )))
        }
    };
    *vm.interp.random.lock() = Some(rng);
    Ok(Value::None)
}

fn random(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(with_rng(vm, |r| r.random())))
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
    Ok(Value::Float(with_rng(vm, |r| r.uniform(a, b))))
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
        return Err(crate::errors::exc("MemoryError", ""));
    }
    let r = with_rng(vm, |r| r.getrandbits(k));
    Ok(Value::from_bigint(BigInt::from_biguint(Sign::Plus, r)))
}

fn gauss(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mu = args.pos.first().map(|v| float_arg(v, "")).transpose()?.unwrap_or(0.0);
    let sigma = args.pos.get(1).map(|v| float_arg(v, "")).transpose()?.unwrap_or(1.0);
    Ok(Value::Float(with_rng(vm, |r| r.gauss(mu, sigma))))
}
