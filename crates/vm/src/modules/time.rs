//! The `time` module: sleep, time, monotonic, perf_counter.

use std::time::Duration;

use crate::errors::{value_error, PyResult};
use crate::object::Args;
use crate::value::Value;
use crate::vm::Vm;

pub fn create() -> Value {
    crate::modules::new_module(
        "time",
        &[
            ("sleep", sleep),
            ("time", time),
            ("time_ns", time_ns),
            ("monotonic", monotonic),
            ("monotonic_ns", monotonic_ns),
            ("perf_counter", monotonic),
            ("perf_counter_ns", monotonic_ns),
            ("process_time", monotonic),
        ],
    )
    .0
}

fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(crate::errors::arg_count_error("sleep", 1, 1, args.pos.len()));
    }
    let secs = crate::modules::float_arg(&args.pos[0], "'").map_err(|_| {
        crate::errors::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::ops::type_name(&args.pos[0])
        ))
    })?;
    if secs.is_nan() {
        return Err(value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    vm.thread.sleep(Duration::from_secs_f64(secs.min(1e9)));
    Ok(Value::None)
}

fn time(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::float(vm.thread.wall_clock().as_secs_f64()))
}

fn time_ns(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.thread.wall_clock().as_nanos() as i64))
}

/// Seconds since the interpreter started, plus an offset (CPython's monotonic clock does
/// not start at zero either). Virtual under `--sched sim`.
fn monotonic(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::float(vm.thread.now().as_secs_f64() + 1000.0))
}

fn monotonic_ns(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.thread.now().as_nanos() as i64 + 1_000_000_000_000))
}
