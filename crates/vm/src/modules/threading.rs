//! The `threading` module: the registry of running threads, starting OS threads that run
//! bytecode, `current_thread` and friends, and waiting for threads at interpreter exit.
//! The `Thread` class itself is in `threading/thread_class.rs`; locks and
//! `start_new_thread` are in `_thread` (`modules/thread.rs`).

use std::sync::Arc;

use gilvm_sched::BlockKind;

use crate::errors::{runtime_error, PyResult};
use crate::object::Args;
use crate::value::Value;
use crate::vm::{Interp, Vm};

pub mod barrier;
pub mod excepthook;
pub mod sync;
pub mod thread_class;

pub use thread_class::{thread_data, ThreadObj};

/// `threading`'s view of the threads: the running ones in start order, keyed by the
/// scheduler's thread id (known before the OS thread exists).
#[derive(Default)]
pub struct Registry {
    state: parking_lot::Mutex<RegistryState>,
}

#[derive(Default)]
struct RegistryState {
    /// Running threads (and the main and dummy threads), like CPython's `_limbo` and
    /// `_active` together, in the order they were added (keyed by [`Self::next_seq`];
    /// the main thread, added late, goes first). 10,000 threads come and go: removal
    /// must not scan.
    active: std::collections::BTreeMap<i64, Value>,
    /// Each registered thread's key in `active`, by scheduler thread id.
    seq_of: std::collections::HashMap<usize, i64>,
    next_seq: i64,
    /// The counter behind the default names `Thread-N` and `Dummy-N`.
    counter: u64,
    main: Option<Value>,
    main_ident: u64,
    main_native_id: u64,
    /// Locations that already printed a DeprecationWarning.
    warned: std::collections::HashSet<(Arc<str>, u32, &'static str)>,
}

impl RegistryState {
    fn insert(&mut self, thread_id: usize, seq: i64, thread: Value) {
        if let Some(old) = self.seq_of.insert(thread_id, seq) {
            self.active.remove(&old);
        }
        self.active.insert(seq, thread);
    }
}

impl Registry {
    /// Records the main thread's identity (called on the main interpreter thread).
    pub fn set_main_identity(&self, ident: u64, native_id: u64) {
        let mut st = self.state.lock();
        st.main_ident = ident;
        st.main_native_id = native_id;
    }

    /// The next number for a default thread name.
    pub fn next_number(&self) -> u64 {
        let mut st = self.state.lock();
        st.counter += 1;
        st.counter
    }

    pub fn add(&self, thread_id: usize, thread: Value) {
        let mut st = self.state.lock();
        let seq = st.next_seq;
        st.next_seq += 1;
        st.insert(thread_id, seq, thread);
    }

    pub fn remove(&self, thread_id: usize) {
        let mut st = self.state.lock();
        if let Some(seq) = st.seq_of.remove(&thread_id) {
            st.active.remove(&seq);
        }
    }

    pub fn active(&self) -> Vec<Value> {
        self.state.lock().active.values().cloned().collect()
    }

    pub fn count(&self) -> usize {
        self.state.lock().active.len()
    }
}

/// The identity of the calling thread: (`get_ident()`, `get_native_id()`). The OS's ids,
/// or under `--sched sim` made-up ones derived from the thread's number, so that runs
/// print the same.
pub fn identity(thread: &gilvm_sched::ThreadCtx) -> (u64, u64) {
    if thread.sim().is_some() {
        return sim_identity(thread.info.id);
    }
    // SAFETY: both calls only read the calling thread's ids.
    unsafe { (libc::pthread_self() as u64, libc::gettid() as u64) }
}

/// The simulator's ids for thread number `id`: shaped like Linux's.
fn sim_identity(id: usize) -> (u64, u64) {
    (0x7f00_0000_0000 + ((id as u64) << 24), 1000 + id as u64)
}

pub fn create(vm: &mut Vm) -> Value {
    let (module, dict) = crate::modules::new_module(
        "threading",
        &[
            ("current_thread", current_thread),
            ("currentThread", current_thread_deprecated),
            ("main_thread", main_thread),
            ("active_count", active_count),
            ("activeCount", active_count_deprecated),
            ("enumerate", enumerate),
            ("get_ident", crate::modules::thread::get_ident),
            ("get_native_id", crate::modules::thread::get_native_id),
            ("RLock", sync::new_rlock),
        ],
    );
    dict.set_str("Condition", Value::Class(sync::condition_class()));
    dict.set_str("Event", Value::Class(sync::event_class()));
    dict.set_str("Semaphore", Value::Class(sync::semaphore_class()));
    dict.set_str("BoundedSemaphore", Value::Class(sync::bounded_semaphore_class()));
    dict.set_str("Barrier", Value::Class(barrier::barrier_class()));
    dict.set_str("Timer", Value::Class(thread_class::timer_class()));
    dict.set_str("BrokenBarrierError", Value::Class(barrier::broken_barrier_error_class()));
    dict.set_str("Thread", Value::Class(thread_class::thread_class()));
    dict.set_str("Lock", crate::modules::thread::allocate_lock_value());
    dict.set_str("local", Value::Class(crate::modules::thread::local_class()));
    dict.set_str("TIMEOUT_MAX", Value::float(crate::modules::thread::TIMEOUT_MAX));
    dict.set_str("ThreadError", Value::Class(crate::types::types().exc("RuntimeError")));
    dict.set_str("excepthook", excepthook::default_hook());
    dict.set_str("__excepthook__", excepthook::default_hook());
    dict.set_str("ExceptHookArgs", Value::Class(excepthook::args_class()));
    // Like CPython, importing threading registers the main thread.
    main_thread_obj(&vm.interp);
    module
}

/// Notes, for a deadlock report, what this thread is about to wait on and where. Cheap:
/// the text is only made if a deadlock is reported.
pub fn note_wait(vm: &mut Vm, kind: BlockKind, holder: Option<usize>) {
    let place = vm.frames.last().map(|frame| {
        let co = &frame.func.code.co;
        let line = co.lines.get(frame.ip.saturating_sub(1)).copied().unwrap_or(co.first_line);
        (co.filename.clone(), line, co.name.clone())
    });
    *vm.thread.info.waiting.lock() = Some(gilvm_sched::deadlock::WaitNote { kind, holder, place });
}

/// The `_MainThread` object, created (and registered) on first use.
pub fn main_thread_obj(interp: &Arc<Interp>) -> Value {
    let registry = &interp.threads;
    let (ident, native_id) = {
        let st = registry.state.lock();
        if let Some(main) = &st.main {
            return main.clone();
        }
        (st.main_ident, st.main_native_id)
    };
    let main = thread_class::new_running(thread_class::Kind::Main, "MainThread".into(), false, ident, native_id);
    let mut st = registry.state.lock();
    if let Some(existing) = &st.main {
        return existing.clone();
    }
    st.main = Some(main.clone());
    st.insert(0, i64::MIN, main.clone());
    main
}

/// The calling thread's `Thread` object (a `_DummyThread` for threads started with
/// `_thread.start_new_thread`, created on first use as in CPython).
pub fn current_thread_obj(vm: &mut Vm) -> Value {
    if let Some(t) = &vm.thread_obj {
        return t.clone();
    }
    let obj = if vm.thread.info.id == 0 {
        main_thread_obj(&vm.interp)
    } else {
        let (ident, native_id) = identity(&vm.thread);
        let name = format!("Dummy-{}", vm.interp.threads.next_number());
        let dummy = thread_class::new_running(thread_class::Kind::Dummy, name, true, ident, native_id);
        vm.interp.threads.add(vm.thread.info.id, dummy.clone());
        dummy
    };
    vm.thread_obj = Some(obj.clone());
    obj
}

fn current_thread(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("current_thread", &args)?;
    Ok(current_thread_obj(vm))
}

fn current_thread_deprecated(vm: &mut Vm, args: Args) -> PyResult<Value> {
    deprecated(vm, "currentThread() is deprecated, use current_thread() instead");
    no_args("currentThread", &args)?;
    Ok(current_thread_obj(vm))
}

fn main_thread(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("main_thread", &args)?;
    Ok(main_thread_obj(&vm.interp))
}

fn active_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("active_count", &args)?;
    Ok(Value::Int(vm.interp.threads.count() as i64))
}

fn active_count_deprecated(vm: &mut Vm, args: Args) -> PyResult<Value> {
    deprecated(vm, "activeCount() is deprecated, use active_count() instead");
    active_count(vm, args)
}

fn enumerate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("enumerate", &args)?;
    Ok(Value::list(vm.interp.threads.active()))
}

/// The arguments of a function that threading.py defines without parameters, with
/// Python's messages.
fn no_args(name: &str, args: &Args) -> PyResult<()> {
    if let Some((k, _)) = args.kw.first() {
        return Err(crate::errors::type_error(format!("{name}() got an unexpected keyword argument '{k}'")));
    }
    let n = args.pos.len();
    if n > 0 {
        return Err(crate::errors::type_error(format!(
            "{name}() takes 0 positional arguments but {n} {} given",
            if n == 1 { "was" } else { "were" }
        )));
    }
    Ok(())
}

/// Prints a DeprecationWarning the way CPython's default filters do: once per source
/// location, and only for code in `__main__`.
pub fn deprecated(vm: &mut Vm, message: &'static str) {
    let Some(frame) = vm.frames.last() else { return };
    if frame.func.globals.get_str("__name__").and_then(|n| n.as_str().map(|s| s == "__main__")) != Some(true) {
        return;
    }
    let co = &frame.func.code.co;
    let line = co.lines.get(frame.ip.saturating_sub(1)).copied().unwrap_or(co.first_line);
    let filename = co.filename.clone();
    if !vm.interp.threads.state.lock().warned.insert((filename.clone(), line, message)) {
        return;
    }
    let mut text = format!("{filename}:{line}: DeprecationWarning: {message}\n");
    if let Some(src) = vm.interp.source_line(&filename, line) {
        text.push_str(&format!("  {}\n", src.trim()));
    }
    crate::io::write_console(vm, true, &text);
}

/// The Rust stack of threads started from Python (CPython's threads get 8 MiB; ours need
/// less, and 10,000 of them should fit comfortably).
const THREAD_STACK: usize = 2 << 20;
/// Stack kept in reserve below the point where native re-entry raises RecursionError.
const STACK_MARGIN: usize = 256 << 10;

/// Starts an OS thread that runs `body` on a fresh VM once it holds the GIL. `thread` is
/// the `Thread` object to register as running (none for `_thread.start_new_thread`).
/// Returns the new thread's ident without waiting for it to run (unlike CPython, which
/// waits for a handshake: starting 10,000 threads should not cost 10,000 GIL handoffs).
pub fn spawn(
    vm: &mut Vm,
    stats_name: String,
    thread: Option<Value>,
    body: impl FnOnce(&mut Vm) + Send + 'static,
) -> PyResult<u64> {
    let interp = vm.interp.clone();
    let ctx = interp.sched.attach(stats_name.clone());
    let thread_id = ctx.info.id;
    // Registered before it exists, so that it cannot finish (and unregister) first.
    if let Some(t) = &thread {
        interp.threads.add(thread_id, t.clone());
    }
    let info = ctx.info.clone();
    let child_thread = thread.clone();
    // Under the simulator the parent waits until the child has recorded its ids, so that
    // nothing the program can see depends on when the OS runs the new thread.
    let simulated = ctx.sim().is_some();
    let recorded = Arc::new((parking_lot::Mutex::new(false), parking_lot::Condvar::new()));
    let recorded_in_child = recorded.clone();
    let start = ThreadStart { interp, ctx, thread: child_thread, info, recorded: recorded_in_child };
    let child = move || run_thread(start, body);
    // Frames live on the heap; the Rust stack only grows with builtins that call back
    // into Python, and `Vm::native_stack_exhausted` stops those in time.
    let Ok(os_ident) = gilvm_sched::os_thread::spawn(&stats_name, THREAD_STACK, child) else {
        vm.interp.threads.remove(thread_id);
        return Err(runtime_error("can't start new thread"));
    };
    let ident = if simulated {
        let mut done = recorded.0.lock();
        while !*done {
            recorded.1.wait(&mut done);
        }
        sim_identity(thread_id).0
    } else {
        os_ident
    };
    if let Some(t) = &thread {
        thread_class::set_ident(t, ident);
    }
    Ok(ident)
}

/// What a new OS thread needs to become a Python thread.
struct ThreadStart {
    interp: Arc<Interp>,
    ctx: gilvm_sched::ThreadCtx,
    thread: Option<Value>,
    info: Arc<gilvm_sched::ThreadInfo>,
    recorded: Arc<(parking_lot::Mutex<bool>, parking_lot::Condvar)>,
}

/// The new thread's life. Each of 10,000 sleeping threads keeps the Rust stack above its
/// `time.sleep` resident, so the frames here stay small: the set-up runs out of line,
/// and only the `Vm` lives in this frame.
#[inline(never)]
fn run_thread(start: ThreadStart, body: impl FnOnce(&mut Vm)) {
    let mut vm = enter_thread(start);
    body(&mut vm);
    vm.finish_thread();
}

#[inline(never)]
fn enter_thread(start: ThreadStart) -> Vm {
    let ThreadStart { interp, mut ctx, thread, info, recorded } = start;
    let (ident, native_id) = identity(&ctx);
    if let Some(t) = &thread {
        thread_class::mark_started(t, ident, native_id, info);
    }
    *recorded.0.lock() = true;
    recorded.1.notify_all();
    drop(recorded);
    ctx.take_gil();
    let mut vm = Vm::new(interp, ctx);
    vm.thread_obj = thread;
    vm.stack_floor = crate::vm::stack_pointer().saturating_sub(THREAD_STACK - STACK_MARGIN);
    vm
}

/// At interpreter exit: waits for every non-daemon thread (including ones they start
/// meanwhile), like CPython's `threading._shutdown`. As there, the main thread counts as
/// stopped from here on, so a worker's `main_thread().join()` returns and
/// `main_thread().is_alive()` is False; it stays in `enumerate()` and `active_count()`.
pub fn wait_for_non_daemon_threads(vm: &mut Vm) {
    if let Some(main) = thread_data(&main_thread_obj(&vm.interp)) {
        thread_class::mark_stopped(&main);
    }
    loop {
        let me = vm.thread_obj.clone();
        let pending = vm.interp.threads.active().into_iter().find(|t| {
            me.as_ref().is_none_or(|m| !same(m, t))
                && thread_data(t).is_some_and(|d| {
                    let d = d.data.lock();
                    d.kind == thread_class::Kind::Thread && !d.daemon
                })
        });
        let Some(t) = pending else { return };
        // A (second) Ctrl-C while waiting at exit abandons the remaining threads.
        if gilvm_sched::interrupt::take() {
            return;
        }
        note_wait(vm, BlockKind::Join, None);
        if let Some(obj) = thread_data(&t) {
            obj.done.wait_for(&mut vm.thread, BlockKind::Join, None, |done| done.then_some(()));
        }
    }
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Instance(x), Value::Instance(y)) => Arc::ptr_eq(x, y),
        _ => false,
    }
}
