//! The `_thread` module: `start_new_thread`, `allocate_lock` and the lock type (which
//! is also `threading.Lock`), `get_ident`, `exit`, and `_local` (`threading.local`).

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use gilvm_sched::{BlockKind, Waitable, Wake};

use crate::errors::{overflow_error, runtime_error, type_error, value_error, PyResult};
use crate::object::{Args, AttrMap, Class, Instance, NativeObject, TypeKind};
use crate::protocol;
use crate::value::Value;
use crate::vm::Vm;

/// The longest timeout a lock accepts, in seconds (CPython's value on Linux).
pub const TIMEOUT_MAX: f64 = 9223372036.0;

pub fn create() -> Value {
    let (module, dict) = crate::modules::new_module(
        "_thread",
        &[
            ("start_new_thread", start_new_thread),
            ("start_new", start_new_thread),
            ("allocate_lock", allocate_lock),
            ("allocate", allocate_lock),
            ("get_ident", get_ident),
            ("get_native_id", get_native_id),
            ("exit", exit),
            ("exit_thread", exit),
        ],
    );
    dict.set_str("LockType", Value::Class(lock_class()));
    dict.set_str("_local", Value::Class(local_class()));
    dict.set_str("_excepthook", super::threading::excepthook::default_hook());
    dict.set_str("_ExceptHookArgs", Value::Class(super::threading::excepthook::args_class()));
    dict.set_str("TIMEOUT_MAX", Value::float(TIMEOUT_MAX));
    dict.set_str("error", Value::Class(crate::types::types().exc("RuntimeError")));
    module
}

/// An ident as Python sees it (pthread ids use the full unsigned range).
pub fn ident_value(ident: u64) -> Value {
    match i64::try_from(ident) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::BigInt(Arc::new(num_bigint::BigInt::from(ident))),
    }
}

pub fn get_ident(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("_thread.get_ident", &args)?;
    Ok(ident_value(super::threading::identity(&vm.thread).0))
}

pub fn get_native_id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("_thread.get_native_id", &args)?;
    Ok(Value::Int(super::threading::identity(&vm.thread).1 as i64))
}

/// The arguments of a C function without parameters, with CPython's messages.
fn no_args(name: &str, args: &Args) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    if !args.pos.is_empty() {
        return Err(crate::errors::arg_count_error(name, 0, 0, args.pos.len()));
    }
    Ok(())
}

/// `_thread.exit()`: ends the calling thread quietly (raises SystemExit).
fn exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("_thread.exit", &args)?;
    Err(crate::errors::new_exception("SystemExit", Vec::new()))
}

/// `_thread.start_new_thread(function, args[, kwargs])`: no `Thread` object, no join;
/// an uncaught exception is reported as CPython's unraisable hook does.
fn start_new_thread(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(type_error("start_new_thread() takes no keyword arguments"));
    }
    let n = args.pos.len();
    if !(2..=3).contains(&n) {
        return Err(type_error(format!(
            "start_new_thread expected {} 3 arguments, got {n}",
            if n < 2 { "at least 2" } else { "at most" }
        )));
    }
    let mut pos = args.pos.into_iter();
    let (func, fargs, kwargs) = (pos.next().expect("n >= 2"), pos.next().expect("n >= 2"), pos.next());
    if !crate::builtins::is_callable(&func) {
        return Err(type_error("first arg must be callable"));
    }
    let Value::Tuple(fargs) = fargs else {
        return Err(type_error("2nd arg must be a tuple"));
    };
    let kwargs = match kwargs {
        None => Vec::new(),
        Some(d @ Value::Dict(_)) => crate::eval::star_kwargs(vm, &func, &d)?,
        Some(_) => return Err(type_error("optional 3rd arg must be a dictionary")),
    };
    let stats_name = format!("_thread {}", vm.interp.sched.threads().len());
    let call_args = Args { pos: fargs.items.to_vec(), kw: kwargs };
    let ident = super::threading::spawn(vm, stats_name, None, move |vm| {
        if let Err(err) = vm.call(&func, call_args) {
            if !err.matches("SystemExit") {
                let shown = protocol::repr(vm, &func).unwrap_or_else(|_| "<function>".into());
                let text = crate::traceback::format_exception(vm, &err);
                crate::io::write_console(vm, true, &format!("Exception ignored in thread started by: {shown}\n{text}"));
            }
        }
        if let Some(t) = vm.thread_obj.take() {
            // A `_DummyThread` made by current_thread() leaves with the thread.
            let _ = t;
            vm.interp.threads.remove(vm.thread.info.id);
        }
    })?;
    Ok(ident_value(ident))
}

// ----- locks -----

/// `_thread.lock`: a plain, non-reentrant lock that any thread may release.
pub struct Lock {
    locked: Waitable<bool>,
    /// The thread that took the lock last (for deadlock reports).
    holder: std::sync::atomic::AtomicUsize,
}

impl NativeObject for Lock {
    fn class(&self) -> Arc<Class> {
        lock_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self) -> Option<String> {
        let state = if *self.locked.lock() { "locked" } else { "unlocked" };
        Some(format!("<{state} _thread.lock object at {:#x}>", self as *const Lock as usize))
    }
}

pub fn lock_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let cls =
            crate::types::new_class("lock", Some(crate::types::types().object.clone()), TypeKind::Native, "_thread");
        let methods: [(&'static str, crate::object::BuiltinFn); 8] = [
            ("acquire", lock_acquire),
            ("acquire_lock", lock_acquire),
            ("__enter__", lock_acquire),
            ("release", lock_release),
            ("release_lock", lock_release),
            ("__exit__", lock_exit),
            ("locked", lock_locked),
            ("locked_lock", lock_locked),
        ];
        for (name, f) in methods {
            crate::methods::add_method(&cls, name, f);
        }
        cls
    })
    .clone()
}

/// `threading.Lock` is `_thread.allocate_lock`, as in CPython.
pub fn allocate_lock_value() -> Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| crate::builtins::builtin("allocate_lock", allocate_lock)).clone()
}

fn allocate_lock(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("_thread.allocate_lock", &args)?;
    Ok(Value::native(Lock { locked: Waitable::new(false), holder: Default::default() }))
}

fn this_lock<'a>(args: &'a Args, method: &str) -> PyResult<&'a Lock> {
    args.pos.first().and_then(crate::object::downcast::<Lock>).ok_or_else(|| {
        type_error(format!("descriptor '{method}' for '_thread.lock' objects doesn't apply to this object"))
    })
}

/// Parses `acquire(blocking=True, timeout=-1)` into how long to wait (`None`: forever).
/// The arguments are checked with the messages of CPython's C argument parser.
pub fn acquire_timeout(vm: &mut Vm, args: Args) -> PyResult<Option<std::time::Duration>> {
    const PARAMS: [&str; 2] = ["blocking", "timeout"];
    let given = args.pos.len() + args.kw.len();
    if given > PARAMS.len() {
        return Err(type_error(format!("acquire() takes at most 2 arguments ({given} given)")));
    }
    for (k, _) in &args.kw {
        match PARAMS.iter().position(|p| *p == &**k) {
            None => return Err(type_error(format!("'{k}' is an invalid keyword argument for acquire()"))),
            Some(i) if i < args.pos.len() => {
                return Err(type_error(format!(
                    "argument for acquire() given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            Some(_) => {}
        }
    }
    let mut p = crate::modules::bind_params("acquire", args, &PARAMS, 0, 2)?.into_iter();
    let blocking = match p.next().flatten() {
        Some(b) => protocol::truthy(vm, &b)?,
        None => true,
    };
    let timeout = match p.next().flatten() {
        Some(t) => match crate::ops::to_f64(&t)? {
            Some(f) => f,
            None => {
                return Err(type_error(format!("must be real number, not {}", crate::ops::type_name(&t))));
            }
        },
        None => -1.0,
    };
    if !blocking {
        if timeout != -1.0 {
            return Err(value_error("can't specify a timeout for a non-blocking call"));
        }
        return Ok(Some(std::time::Duration::ZERO));
    }
    if timeout == -1.0 {
        return Ok(None);
    }
    if timeout < 0.0 {
        return Err(value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(overflow_error("timeout value is too large"));
    }
    Ok(Some(super::threading::thread_class::duration_from_secs(timeout)))
}

fn lock_acquire(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let lock = this_lock(&args, "acquire")?;
    // The common case, `with lock:` or `acquire()` on a free lock, in one step.
    if args.pos.len() == 1 && args.kw.is_empty() && lock.try_acquire(vm) {
        return Ok(Value::Bool(crate::value::PyBool::TRUE));
    }
    let this = args.pos.remove(0);
    let timeout = acquire_timeout(vm, args)?;
    let lock = crate::object::downcast::<Lock>(&this).expect("checked above");
    if lock.try_acquire(vm) {
        return Ok(Value::Bool(crate::value::PyBool::TRUE));
    }
    if timeout.is_none() {
        let holder = lock.holder.load(std::sync::atomic::Ordering::Relaxed);
        super::threading::note_wait(vm, BlockKind::Lock, Some(holder));
    }
    let got = lock.locked.wait_for(&mut vm.thread, BlockKind::Lock, timeout, |locked| {
        if *locked {
            None
        } else {
            *locked = true;
            Some(())
        }
    });
    if got.is_some() {
        lock.holder.store(vm.thread.info.id, std::sync::atomic::Ordering::Relaxed);
    }
    Ok(Value::bool(got.is_some()))
}

fn lock_release(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lock = this_lock(&args, "release")?;
    crate::modules::no_args_method("lock.release", &args)?;
    lock.release()?;
    Ok(Value::None)
}

/// `__exit__(*exc_info)`: releases whatever the exception.
fn lock_exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_lock(&args, "__exit__")?.release()?;
    Ok(Value::None)
}

impl Lock {
    /// Takes the lock if it is free (never blocks).
    fn try_acquire(&self, vm: &Vm) -> bool {
        let mut locked = self.locked.lock();
        if *locked {
            false
        } else {
            *locked = true;
            self.holder.store(vm.thread.info.id, std::sync::atomic::Ordering::Relaxed);
            true
        }
    }

    fn release(&self) -> PyResult<()> {
        self.locked.update(|locked| {
            if !*locked {
                return (Err(runtime_error("release unlocked lock")), Wake::Nobody);
            }
            *locked = false;
            (Ok(()), Wake::One)
        })
    }
}

fn lock_locked(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lock = this_lock(&args, "locked")?;
    crate::modules::no_args_method("lock.locked", &args)?;
    let locked = *lock.locked.lock();
    Ok(Value::bool(locked))
}

// ----- threading.local -----

/// Per-thread attribute dictionaries of one `threading.local` object.
struct LocalData {
    dicts: parking_lot::Mutex<HashMap<usize, Arc<crate::sync::Mutex<AttrMap>>>>,
    /// The constructor's arguments, passed to `__init__` again in each new thread.
    init_args: Args,
}

impl NativeObject for LocalData {
    fn class(&self) -> Arc<Class> {
        local_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn local_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let cls =
            crate::types::new_class("_local", Some(crate::types::types().object.clone()), TypeKind::Object, "_thread");
        cls.set_attr("__gilvm_new__", crate::builtins::builtin("__gilvm_new__", local_new));
        // Attribute access must take the slow path, which consults `local_attrs`.
        cls.hooks.store(true, std::sync::atomic::Ordering::Relaxed);
        cls
    })
    .clone()
}

fn local_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.pos.first().cloned() else {
        return Err(type_error("_local.__new__(X): X is not a type object"));
    };
    args.pos.remove(0);
    let has_init = cls.lookup("__init__").is_some_and(|i| !crate::call::is_object_init(&i));
    if (!args.pos.is_empty() || !args.kw.is_empty()) && !has_init {
        return Err(type_error("Initialization arguments are not supported"));
    }
    let inst = Instance::new(cls);
    // The creating thread's `__init__` runs as part of this constructor call.
    let mut dicts = HashMap::new();
    dicts.insert(vm.thread.info.id, Arc::new(crate::sync::Mutex::new(AttrMap::default())));
    *inst.native.lock() = Some(Value::native(LocalData { dicts: parking_lot::Mutex::new(dicts), init_args: args }));
    Ok(Value::Instance(Arc::new(inst)))
}

/// For a `threading.local` instance, the calling thread's attributes: created on the
/// thread's first access, when the class's `__init__` runs again (as in CPython).
/// `None` for any other instance.
pub fn local_attrs(vm: &mut Vm, obj: &Value, inst: &Instance) -> PyResult<Option<Arc<crate::sync::Mutex<AttrMap>>>> {
    let Some(native) = inst.native.lock().clone() else { return Ok(None) };
    let Some(local) = crate::object::downcast::<LocalData>(&native) else { return Ok(None) };
    let me = vm.thread.info.id;
    if let Some(d) = local.dicts.lock().get(&me) {
        return Ok(Some(d.clone()));
    }
    let dict = Arc::new(crate::sync::Mutex::new(AttrMap::default()));
    local.dicts.lock().insert(me, dict.clone());
    if let Some(init) = inst.class.lookup("__init__").filter(|i| !crate::call::is_object_init(i)) {
        let mut a = Args::new(vec![obj.clone()]);
        a.pos.extend(local.init_args.pos.iter().cloned());
        a.kw = local.init_args.kw.clone();
        vm.call(&init, a)?;
    }
    Ok(Some(dict))
}
