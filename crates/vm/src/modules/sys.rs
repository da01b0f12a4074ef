//! The `sys` module: argv, exit, recursion limit, stdout/stderr, version information.

use std::sync::atomic::Ordering;

use crate::errors::{type_error, value_error, PyResult};
use crate::object::Args;
use crate::value::Value;
use crate::vm::Vm;

pub fn create(vm: &mut Vm) -> Value {
    let (m, dict) = crate::modules::new_module(
        "sys",
        &[
            ("exit", exit),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("getswitchinterval", getswitchinterval),
            ("setswitchinterval", setswitchinterval),
            ("intern", |_, a| Ok(a.pos.first().cloned().unwrap_or(Value::None))),
        ],
    );
    dict.set_str("argv", Value::list(vm.interp.argv.iter().map(|a| Value::str(a.clone())).collect()));
    dict.set_str("stdout", crate::io::stdout_value());
    dict.set_str("stderr", crate::io::stderr_value());
    dict.set_str("__stdout__", crate::io::stdout_value());
    dict.set_str("__stderr__", crate::io::stderr_value());
    dict.set_str("version", Value::str(format!("3.11.0 (gilvm {})", env!("CARGO_PKG_VERSION"))));
    dict.set_str(
        "version_info",
        Value::tuple(vec![Value::Int(3), Value::Int(11), Value::Int(0), Value::str("final"), Value::Int(0)]),
    );
    dict.set_str("platform", Value::str("linux"));
    dict.set_str("implementation_name", Value::str("gilvm"));
    dict.set_str("maxsize", Value::Int(i64::MAX));
    dict.set_str("byteorder", Value::str("little"));
    m
}

fn exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 {
        return Err(type_error(format!("exit expected at most 1 argument, got {}", args.pos.len())));
    }
    Err(crate::errors::new_exception("SystemExit", args.pos))
}

fn getrecursionlimit(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.interp.recursion_limit.load(Ordering::Relaxed) as i64))
}

/// `sys.getswitchinterval()`: the GIL's time slice in seconds.
fn getswitchinterval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.pos.is_empty() || !args.kw.is_empty() {
        return Err(crate::errors::arg_count_error("getswitchinterval", 0, 0, args.pos.len() + args.kw.len()));
    }
    Ok(Value::float(vm.interp.sched.switch_interval().as_secs_f64()))
}

/// `sys.setswitchinterval(seconds)`: switches the GIL to the time-slice policy with this
/// interval (CPython keeps it in whole microseconds).
fn setswitchinterval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 || !args.kw.is_empty() {
        return Err(crate::errors::arg_count_error("setswitchinterval", 1, 1, args.pos.len() + args.kw.len()));
    }
    let secs = crate::modules::float_arg(&args.pos[0], "")?;
    if !(secs > 0.0) {
        return Err(value_error("switch interval must be strictly positive"));
    }
    let micros = (secs * 1e6).min(u64::MAX as f64) as u64;
    vm.interp.sched.set_switch_interval(std::time::Duration::from_micros(micros.max(1)));
    Ok(Value::None)
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(type_error(format!("setrecursionlimit() takes exactly one argument ({} given)", args.pos.len())));
    }
    let n = match &args.pos[0] {
        Value::Int(i) => *i,
        Value::Bool(b) => b.get() as i64,
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                crate::ops::type_name(other)
            )))
        }
    };
    if n < 1 {
        return Err(value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.frames.len() as i64;
    if n <= depth {
        return Err(crate::errors::exc(
            "RecursionError",
            format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"),
        ));
    }
    // Frames live on the heap, but builtins that call back into Python recurse in Rust;
    // the interpreter thread's stack is sized for this ceiling.
    let n = n.min(crate::run::MAX_RECURSION_LIMIT as i64);
    vm.interp.recursion_limit.store(n as usize, Ordering::Relaxed);
    vm.recursion_limit = n as usize;
    Ok(Value::None)
}
