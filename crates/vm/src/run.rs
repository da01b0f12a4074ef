//! Running a program end to end: read, compile, execute on an interpreter thread with a
//! large stack, print any uncaught exception, and turn the outcome into an exit status.

use std::sync::Arc;

use crate::dict::Dict;
use crate::object::{Code, Module};
use crate::value::Value;
use crate::vm::{Interp, Vm};

/// The highest `sys.setrecursionlimit` accepts; the interpreter thread's stack is sized
/// so that builtins calling back into Python this deep cannot overflow it.
pub const MAX_RECURSION_LIMIT: usize = 50_000;
const INTERPRETER_STACK: usize = 1 << 30;

pub enum Source {
    /// A script path, as given on the command line.
    File(String),
    /// `-c` code.
    Code(String),
}

pub struct RunOptions {
    /// Arguments after the script (become `sys.argv[1:]`).
    pub args: Vec<String>,
    /// `-u`: write stdout unbuffered.
    pub unbuffered: bool,
    /// The GIL and its switching policy, and `--stats`.
    pub sched: gilvm_sched::Config,
}

/// Runs a program and returns the process exit status.
pub fn run(source: Source, opts: RunOptions) -> i32 {
    let (filename, text, argv0) = match source {
        Source::File(path) => {
            let abs = std::path::absolute(&path).map(|p| p.display().to_string()).unwrap_or(path.clone());
            match std::fs::read(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => (abs, text, path),
                    Err(e) => {
                        let offset = e.utf8_error().valid_up_to();
                        eprintln!(
                            "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {offset}: invalid start byte",
                            e.as_bytes()[offset]
                        );
                        return 1;
                    }
                },
                Err(e) => {
                    let errno = e.raw_os_error().unwrap_or(2);
                    let msg = crate::errors::strerror(errno, &e);
                    eprintln!("gilvm: can't open file '{abs}': [Errno {errno}] {msg}");
                    return 2;
                }
            }
        }
        Source::Code(code) => ("<string>".to_string(), code, "-c".to_string()),
    };
    let code = match gilvm_compiler::compile_source(&text, &filename) {
        Ok(code) => code,
        Err(err) => {
            eprint!("{}", err.render(&filename, &text));
            return 1;
        }
    };
    let mut argv = vec![argv0];
    argv.extend(opts.args);
    // With the GIL off, object state needs real locks: threads run bytecode in parallel.
    crate::sync::set_free_threaded(!opts.sched.gil);
    if opts.sched.sim.is_none() {
        gilvm_sched::interrupt::install();
    }
    let sched = gilvm_sched::Sched::new(opts.sched);
    let interp = Interp::new(argv, opts.unbuffered, sched);
    // A deadlock report comes after the output written so far.
    let reporter_interp = interp.clone();
    gilvm_sched::deadlock::set_reporter(Box::new(move |text| {
        reporter_interp.io.close();
        reporter_interp.io.write_stderr_at_exit(text);
    }));
    let source_interp = interp.clone();
    gilvm_sched::deadlock::set_source_lookup(Box::new(move |file, line| source_interp.source_line(file, line)));
    // Like CPython, tracebacks show source lines for files only (not for `-c` code).
    if filename != "<string>" {
        interp.sources.lock().insert(Arc::from(filename.as_str()), Arc::from(text.as_str()));
    }
    let worker_interp = interp.clone();
    let worker = std::thread::Builder::new()
        .name("MainThread".into())
        .stack_size(INTERPRETER_STACK)
        .spawn(move || run_main(worker_interp, code, filename));
    let status = match worker.map(|h| h.join()) {
        Ok(Ok(status)) => status,
        _ => {
            interp.io.close();
            eprintln!("gilvm: internal error (the interpreter thread stopped unexpectedly)");
            70
        }
    };
    // The process is about to exit: skip tearing down interpreter state (like CPython,
    // which does not free everything either). Dropping deeply nested structures would
    // recurse, and on this thread's small stack that could overflow.
    std::mem::forget(interp);
    status
}

fn run_main(interp: Arc<Interp>, code: Arc<gilvm_compiler::CodeObject>, filename: String) -> i32 {
    let mut thread = interp.sched.attach("MainThread".into());
    let (ident, native_id) = crate::modules::threading::identity(&thread);
    interp.threads.set_main_identity(ident, native_id);
    thread.take_gil();
    let mut vm = Vm::new(interp.clone(), thread);
    let globals = Arc::new(Dict::new());
    globals.set_str("__name__", Value::str("__main__"));
    globals.set_str("__doc__", Value::None);
    if filename != "<string>" {
        globals.set_str("__file__", Value::str(filename));
    }
    let main = Value::Module(Arc::new(Module { name: Arc::from("__main__"), dict: globals.clone() }));
    interp.modules.lock().insert("__main__".into(), main);
    let result = vm.run_module_code(Code::link(&code), globals.clone());
    let status = match result {
        Ok(_) => 0,
        Err(err) => exit_status(&mut vm, err),
    };
    // Like CPython: report the main thread's exception first, then wait for the other
    // non-daemon threads; daemon threads are abandoned.
    crate::modules::threading::wait_for_non_daemon_threads(&mut vm);
    vm.thread.close_gil();
    interp.io.close();
    if let Some(format) = interp.sched.config.stats {
        let wall = interp.sched.wall();
        interp.io.write_stderr_at_exit(&gilvm_sched::stats::report(&interp.sched, wall, format));
    }
    // The module's objects stay alive until the process exits (see `run`).
    std::mem::forget(globals);
    std::mem::forget(vm);
    status
}

/// Prints an uncaught exception (or handles SystemExit) and picks the exit status.
pub fn exit_status(vm: &mut Vm, err: crate::errors::PyErr) -> i32 {
    if err.matches("SystemExit") {
        let args = crate::protocol::exception_args(&err.value());
        let code = match args.len() {
            0 => Value::None,
            1 => args[0].clone(),
            _ => Value::tuple(args),
        };
        return match code {
            Value::None => 0,
            Value::Int(i) => i as i32,
            Value::Bool(b) => b.get() as i32,
            other => {
                let msg = crate::protocol::str(vm, &other).unwrap_or_default();
                vm.interp.io.write_stderr(&mut vm.thread, &format!("{msg}\n"));
                1
            }
        };
    }
    let text = crate::traceback::format_exception(vm, &err);
    vm.interp.io.write_stderr(&mut vm.thread, &text);
    if err.matches("KeyboardInterrupt") {
        130
    } else {
        1
    }
}
