//! `threading.Thread` (and `_MainThread`, `_DummyThread`): a subclassable class whose
//! instances carry their native state ([`ThreadObj`]) in `Instance::native`.

use std::any::Any;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use gilvm_sched::{BlockKind, ThreadInfo, Waitable};

use crate::errors::{exc, runtime_error, type_error, PyResult};
use crate::object::{Args, Class, Descriptor, DescriptorObj, Instance, NativeObject, TypeKind};
use crate::protocol;
use crate::value::Value;
use crate::vm::Vm;

use super::{current_thread_obj, deprecated, same};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A `Thread` (or subclass) created by the program.
    Thread,
    /// The main thread's `_MainThread`.
    Main,
    /// A `_DummyThread`, for threads started with `_thread.start_new_thread`.
    Dummy,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Initial,
    Started,
    Stopped,
}

/// The native state of one `Thread` object.
pub struct ThreadObj {
    pub data: parking_lot::Mutex<ThreadData>,
    /// Set once the thread has finished: what `join` waits for.
    pub done: Waitable<bool>,
    /// Set by the thread itself once it runs (`native_id` waits for it).
    pub native_id: Waitable<Option<u64>>,
}

pub struct ThreadData {
    /// Whether `Thread.__init__` has run.
    pub initialized: bool,
    pub kind: Kind,
    pub name: String,
    pub daemon: bool,
    pub status: Status,
    pub ident: Option<u64>,
    /// The scheduler's record of the thread, to keep its name in step for `--stats`.
    pub info: Option<Arc<ThreadInfo>>,
}

/// The value stored in `Instance::native`.
struct ThreadHandle(Arc<ThreadObj>);

impl NativeObject for ThreadHandle {
    fn class(&self) -> Arc<Class> {
        thread_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The native state behind a `Thread` object.
pub fn thread_data(v: &Value) -> Option<Arc<ThreadObj>> {
    let Value::Instance(inst) = v else { return None };
    let native = inst.native.lock().clone()?;
    crate::object::downcast::<ThreadHandle>(&native).map(|h| h.0.clone())
}

fn new_obj(kind: Kind) -> Arc<ThreadObj> {
    Arc::new(ThreadObj {
        data: parking_lot::Mutex::new(ThreadData {
            initialized: false,
            kind,
            name: String::new(),
            daemon: false,
            status: Status::Initial,
            ident: None,
            info: None,
        }),
        done: Waitable::new(false),
        native_id: Waitable::new(None),
    })
}

fn instance_of(cls: Arc<Class>, obj: Arc<ThreadObj>) -> Value {
    let inst = Instance::new(cls);
    *inst.native.lock() = Some(Value::native(ThreadHandle(obj)));
    Value::Instance(Arc::new(inst))
}

/// A `_MainThread` or `_DummyThread` object for a thread that is already running.
pub fn new_running(kind: Kind, name: String, daemon: bool, ident: u64, native_id: u64) -> Value {
    let obj = new_obj(kind);
    {
        let mut d = obj.data.lock();
        d.initialized = true;
        d.name = name;
        d.daemon = daemon;
        d.status = Status::Started;
        d.ident = Some(ident);
    }
    *obj.native_id.lock() = Some(native_id);
    let cls = if kind == Kind::Main { main_thread_class() } else { dummy_thread_class() };
    instance_of(cls, obj)
}

/// Called on the new OS thread as soon as it runs (before it takes the GIL).
pub fn mark_started(thread: &Value, ident: u64, native_id: u64, info: Arc<ThreadInfo>) {
    if let Some(obj) = thread_data(thread) {
        {
            let mut d = obj.data.lock();
            d.ident = Some(ident);
            *info.name.lock() = d.name.clone();
            d.info = Some(info);
        }
        *obj.native_id.lock() = Some(native_id);
        obj.native_id.notify_all();
    }
}

/// Called by the starting thread right after the OS thread exists.
pub fn set_ident(thread: &Value, ident: u64) {
    if let Some(obj) = thread_data(thread) {
        obj.data.lock().ident = Some(ident);
    }
}

pub fn thread_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let cls = crate::types::new_class(
            "Thread",
            Some(crate::types::types().object.clone()),
            TypeKind::Object,
            "threading",
        );
        cls.set_attr("__gilvm_new__", crate::builtins::builtin("__gilvm_new__", thread_new));
        let methods: [(&'static str, crate::object::BuiltinFn); 10] = [
            ("__init__", thread_init),
            ("__repr__", thread_repr),
            ("start", thread_start),
            ("run", thread_run),
            ("join", thread_join),
            ("is_alive", thread_is_alive),
            ("getName", get_name_deprecated),
            ("setName", set_name_deprecated),
            ("isDaemon", is_daemon_deprecated),
            ("setDaemon", set_daemon_deprecated),
        ];
        for (name, f) in methods {
            crate::methods::add_method(&cls, name, f);
        }
        property(&cls, "name", get_name, Some(set_name));
        property(&cls, "daemon", get_daemon, Some(set_daemon));
        property(&cls, "ident", get_ident, None);
        property(&cls, "native_id", get_native_id, None);
        cls
    })
    .clone()
}

fn main_thread_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| crate::types::new_class("_MainThread", Some(thread_class()), TypeKind::Object, "threading"))
        .clone()
}

fn dummy_thread_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| crate::types::new_class("_DummyThread", Some(thread_class()), TypeKind::Object, "threading"))
        .clone()
}

/// Adds a property backed by builtins to a native class.
pub(super) fn property(cls: &Class, name: &str, get: crate::object::BuiltinFn, set: Option<crate::object::BuiltinFn>) {
    let fget = crate::builtins::builtin(name, get);
    let fset = set.map(|f| crate::builtins::builtin(name, f));
    let desc = DescriptorObj { desc: crate::sync::RwLock::new(Descriptor::Property { fget, fset }) };
    cls.set_attr(name, Value::native(desc));
}

/// The receiver of a Thread method and its native state.
fn this(args: &mut Args, method: &str) -> PyResult<(Value, Arc<ThreadObj>)> {
    if args.pos.is_empty() {
        return Err(type_error(format!("Thread.{method}() missing 1 required positional argument: 'self'")));
    }
    let this = args.pos.remove(0);
    match thread_data(&this) {
        Some(obj) => Ok((this, obj)),
        None => Err(type_error(format!(
            "descriptor '{method}' requires a 'Thread' object but received a '{}'",
            crate::ops::type_name(&this)
        ))),
    }
}

/// CPython asserts that `Thread.__init__` ran before most uses of a thread.
fn check_initialized(obj: &ThreadObj) -> PyResult<()> {
    if obj.data.lock().initialized {
        Ok(())
    } else {
        Err(exc("AssertionError", "Thread.__init__() not called"))
    }
}

fn thread_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Class(cls)) => Ok(instance_of(cls.clone(), new_obj(Kind::Thread))),
        _ => Err(type_error("Thread.__new__(X): X is not a type object")),
    }
}

/// `Thread.__init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None)`
fn thread_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const PARAMS: [&str; 7] = ["self", "group", "target", "name", "args", "kwargs", "daemon"];
    let mut p = crate::modules::bind_params("Thread.__init__", args, &PARAMS, 1, 6)?.into_iter();
    let this = p.next().flatten().expect("self is required");
    let [group, target, name, targs, kwargs, daemon] = std::array::from_fn(|_| p.next().flatten());
    if group.as_ref().is_some_and(|g| !g.is_none()) {
        return Err(exc("AssertionError", "group argument must be None for now"));
    }
    let Some(obj) = thread_data(&this) else {
        return Err(type_error("Thread.__init__() called on a non-Thread object"));
    };
    let target = target.unwrap_or(Value::None);
    let name = match name {
        Some(n) if !n.is_none() => protocol::str(vm, &n)?,
        _ => {
            let mut name = format!("Thread-{}", vm.interp.threads.next_number());
            if !target.is_none() {
                if let Ok(tname) = crate::attr::get_attr(vm, &target, "__name__") {
                    name.push_str(&format!(" ({})", protocol::str(vm, &tname)?));
                }
            }
            name
        }
    };
    let daemon = match daemon {
        Some(d) if !d.is_none() => protocol::truthy(vm, &d)?,
        _ => {
            let current = current_thread_obj(vm);
            thread_data(&current).is_some_and(|c| c.data.lock().daemon)
        }
    };
    // Like CPython, the call is kept in plain instance attributes, which subclasses read
    // (`self._target(*self._args, **self._kwargs)`) and `run` deletes.
    let kwargs = kwargs.filter(|k| !k.is_none()).unwrap_or_else(|| Value::Dict(Arc::new(crate::dict::Dict::new())));
    if let Value::Instance(inst) = &this {
        let mut dict = inst.dict.lock();
        dict.insert_str("_target", target);
        dict.insert_str("_args", targs.unwrap_or_else(|| Value::tuple(Vec::new())));
        dict.insert_str("_kwargs", kwargs);
    }
    {
        let mut d = obj.data.lock();
        d.initialized = true;
        d.name = name;
        d.daemon = daemon;
    }
    super::excepthook::check_hook_set(vm)?;
    Ok(Value::None)
}

fn thread_repr(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (this, obj) = this(&mut args, "__repr__")?;
    // (CPython's `__repr__` words its assertion differently from the other methods.)
    if !obj.data.lock().initialized {
        return Err(exc("AssertionError", "Thread.__init__() was not called"));
    }
    let done = *obj.done.lock();
    let d = obj.data.lock();
    let mut status = match d.status {
        Status::Initial => "initial",
        Status::Started if !done => "started",
        _ => "stopped",
    }
    .to_string();
    if d.daemon {
        status.push_str(" daemon");
    }
    if let Some(ident) = d.ident {
        status.push_str(&format!(" {ident}"));
    }
    Ok(Value::str(format!("<{}({}, {status})>", protocol::class_of(&this).name, d.name)))
}

fn thread_start(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    crate::modules::only_self("Thread.start", &args)?;
    let (this, obj) = this(&mut args, "start")?;
    let name = {
        let mut d = obj.data.lock();
        if !d.initialized {
            return Err(runtime_error("thread.__init__() not called"));
        }
        if d.status != Status::Initial {
            return Err(runtime_error("threads can only be started once"));
        }
        d.status = Status::Started;
        d.name.clone()
    };
    let body_this = this.clone();
    let spawned = super::spawn(vm, name, Some(this), move |vm| bootstrap(vm, body_this));
    if let Err(e) = spawned {
        obj.data.lock().status = Status::Initial;
        return Err(e);
    }
    Ok(Value::None)
}

/// The body of a thread started with `Thread.start`: runs `self.run()`, reports an
/// uncaught exception like `threading.excepthook`, and marks the thread finished.
fn bootstrap(vm: &mut Vm, this: Value) {
    let result = crate::attr::get_attr(vm, &this, "run").and_then(|run| match (&run, thread_data(&this)) {
        // `Thread.run` itself: call the target straight away. Every frame saved here
        // is Rust stack that each of thousands of sleeping threads would keep resident.
        (Value::BoundMethod(m), Some(_)) if is_builtin(&m.func, thread_run) => run_target(vm, &this),
        _ => vm.call(&run, Args::new(Vec::new())).map(drop),
    });
    if let Err(err) = result {
        super::excepthook::report(vm, &this, err);
    }
    let Some(obj) = thread_data(&this) else { return };
    // A finishing thread leaves the registry before it reports done.
    vm.interp.threads.remove(vm.thread.info.id);
    mark_stopped(&obj);
}

/// Marks a thread finished: `is_alive()` turns False and `join()` returns.
pub fn mark_stopped(obj: &ThreadObj) {
    obj.data.lock().status = Status::Stopped;
    obj.done.update(|done| {
        *done = true;
        ((), gilvm_sched::Wake::All)
    });
}

/// `Thread.run`: calls the target with the arguments, then deletes them (as CPython does).
fn thread_run(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    crate::modules::only_self("Thread.run", &args)?;
    let (this, _) = this(&mut args, "run")?;
    run_target(vm, &this)?;
    Ok(Value::None)
}

fn is_builtin(f: &Value, func: crate::object::BuiltinFn) -> bool {
    matches!(f, Value::Builtin(b) if std::ptr::fn_addr_eq(b.func, func))
}

/// CPython's `Thread.run`: `if self._target is not None: self._target(*self._args,
/// **self._kwargs)`, then `del self._target, self._args, self._kwargs` in a `finally`.
/// The helpers stay out of line, so this frame (kept by every thread that blocks in its
/// target) stays small.
fn run_target(vm: &mut Vm, this: &Value) -> PyResult<()> {
    let result = match target_call(vm, this) {
        Ok(Some(call)) => call_with(vm, &call.0, &call.1, &call.2).map(drop),
        Ok(None) => Ok(()),
        Err(e) => Err(e),
    };
    forget_target(vm, this, result)
}

/// `(self._target, self._args, self._kwargs)`, or None when the target is None.
#[inline(never)]
fn target_call(vm: &mut Vm, this: &Value) -> PyResult<Option<Box<(Value, Value, Value)>>> {
    let target = crate::attr::get_attr(vm, this, "_target")?;
    if target.is_none() {
        return Ok(None);
    }
    let targs = crate::attr::get_attr(vm, this, "_args")?;
    let kwargs = crate::attr::get_attr(vm, this, "_kwargs")?;
    Ok(Some(Box::new((target, targs, kwargs))))
}

/// The `finally` of `Thread.run`: deletes the call's attributes. An error there replaces
/// the run's own, which becomes its `__context__`.
#[inline(never)]
fn forget_target(vm: &mut Vm, this: &Value, result: PyResult<()>) -> PyResult<()> {
    let deleted =
        ["_target", "_args", "_kwargs"].into_iter().try_for_each(|name| crate::attr::del_attr(vm, this, name));
    match (deleted, result) {
        (Err(err), Err(first)) => {
            if let Some(state) = &err.0.exc {
                state.lock().context.get_or_insert(first.value());
            }
            Err(err)
        }
        (Err(err), Ok(())) => Err(err),
        (Ok(()), result) => result,
    }
}

/// `target(*args, **kwargs)`, with CPython's errors for arguments that do not unpack
/// (`kwargs` may be None).
#[inline]
fn call_with(vm: &mut Vm, target: &Value, targs: &Value, kwargs: &Value) -> PyResult<Value> {
    let pos = crate::eval::star_args(vm, target, targs)?;
    let kw = match kwargs {
        Value::None => Vec::new(),
        kwargs => crate::eval::star_kwargs(vm, target, kwargs)?,
    };
    vm.call(target, Args { pos, kw })
}

fn thread_join(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (this, obj) = this(&mut args, "join")?;
    let mut p = crate::modules::bind_method("Thread.join", args, &["timeout"], 0, 1)?.into_iter();
    let timeout = p.next().flatten().unwrap_or(Value::None);
    {
        let d = obj.data.lock();
        if !d.initialized {
            return Err(runtime_error("Thread.__init__() not called"));
        }
        if d.status == Status::Initial {
            return Err(runtime_error("cannot join thread before it is started"));
        }
    }
    let current = current_thread_obj(vm);
    if same(&this, &current) {
        return Err(runtime_error("cannot join current thread"));
    }
    let timeout = match &timeout {
        Value::None => None,
        v => match crate::ops::to_f64(v)? {
            Some(secs) => Some(duration_from_secs(secs.max(0.0))),
            None => {
                return Err(type_error(format!(
                    "'>' not supported between instances of 'int' and '{}'",
                    crate::ops::type_name(v)
                )))
            }
        },
    };
    super::note_wait(vm, BlockKind::Join, None);
    obj.done.wait_for(&mut vm.thread, BlockKind::Join, timeout, |done| done.then_some(()));
    Ok(Value::None)
}

/// A timeout in seconds as a Duration (NaN waits no time; huge values wait forever).
pub fn duration_from_secs(secs: f64) -> Duration {
    if secs.is_nan() {
        Duration::ZERO
    } else {
        Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX)
    }
}

fn thread_is_alive(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    crate::modules::only_self("Thread.is_alive", &args)?;
    let (_, obj) = this(&mut args, "is_alive")?;
    check_initialized(&obj)?;
    let done = *obj.done.lock();
    Ok(Value::bool(obj.data.lock().status == Status::Started && !done))
}

fn get_name(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (_, obj) = this(&mut args, "name")?;
    check_initialized(&obj)?;
    let name = obj.data.lock().name.clone();
    Ok(Value::str(name))
}

fn set_name(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (_, obj) = this(&mut args, "name")?;
    check_initialized(&obj)?;
    let value = args.pos.first().cloned().unwrap_or(Value::None);
    let name = protocol::str(vm, &value)?;
    let mut d = obj.data.lock();
    if let Some(info) = &d.info {
        *info.name.lock() = name.clone();
    }
    d.name = name;
    Ok(Value::None)
}

fn get_daemon(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (_, obj) = this(&mut args, "daemon")?;
    check_initialized(&obj)?;
    let daemon = obj.data.lock().daemon;
    Ok(Value::bool(daemon))
}

fn set_daemon(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (_, obj) = this(&mut args, "daemon")?;
    let value = args.pos.first().cloned().unwrap_or(Value::None);
    let daemon = protocol::truthy(vm, &value)?;
    let mut d = obj.data.lock();
    if !d.initialized {
        return Err(runtime_error("Thread.__init__() not called"));
    }
    if d.status != Status::Initial {
        return Err(runtime_error("cannot set daemon status of active thread"));
    }
    d.daemon = daemon;
    Ok(Value::None)
}

fn get_ident(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (_, obj) = this(&mut args, "ident")?;
    check_initialized(&obj)?;
    let ident = obj.data.lock().ident;
    Ok(ident.map_or(Value::None, |i| crate::modules::thread::ident_value(i)))
}

fn get_native_id(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (_, obj) = this(&mut args, "native_id")?;
    check_initialized(&obj)?;
    if obj.data.lock().status == Status::Initial {
        return Ok(Value::None);
    }
    // A thread just started may not have reported its id yet.
    let id = obj.native_id.wait_for(&mut vm.thread, BlockKind::Join, None, |id| *id);
    Ok(id.map_or(Value::None, |i| Value::Int(i as i64)))
}

/// Binds the arguments of a method that takes `self` and one argument `name`, given
/// positionally or by keyword, as `[self, value]`.
fn one_arg(qualname: &str, mut args: Args, name: &str) -> PyResult<Args> {
    let this = if args.pos.is_empty() { Value::None } else { args.pos.remove(0) };
    let value = crate::modules::bind_method(qualname, args, &[name], 1, 1)?.remove(0).expect("required");
    Ok(Args::new(vec![this, value]))
}

fn get_name_deprecated(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::modules::only_self("Thread.getName", &args)?;
    deprecated(vm, "getName() is deprecated, get the name attribute instead");
    get_name(vm, args)
}

fn set_name_deprecated(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = one_arg("Thread.setName", args, "name")?;
    deprecated(vm, "setName() is deprecated, set the name attribute instead");
    set_name(vm, args)
}

fn is_daemon_deprecated(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::modules::only_self("Thread.isDaemon", &args)?;
    deprecated(vm, "isDaemon() is deprecated, get the daemon attribute instead");
    get_daemon(vm, args)
}

fn set_daemon_deprecated(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = one_arg("Thread.setDaemon", args, "daemonic")?;
    deprecated(vm, "setDaemon() is deprecated, set the daemon attribute instead");
    set_daemon(vm, args)
}

/// `threading.Timer(interval, function, args=None, kwargs=None)`: a Thread that calls
/// `function` after `interval` seconds unless `cancel()` comes first. Its state lives in
/// instance attributes, as in CPython (`interval`, `function`, `args`, `kwargs`,
/// `finished`).
pub fn timer_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let cls = crate::types::new_class("Timer", Some(thread_class()), TypeKind::Object, "threading");
        crate::methods::add_method(&cls, "__init__", timer_init);
        crate::methods::add_method(&cls, "cancel", timer_cancel);
        crate::methods::add_method(&cls, "run", timer_run);
        cls
    })
    .clone()
}

fn timer_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const PARAMS: [&str; 4] = ["interval", "function", "args", "kwargs"];
    let mut args = args;
    let this = if args.pos.is_empty() { Value::None } else { args.pos.remove(0) };
    let mut p = crate::modules::bind_method("Timer.__init__", args, &PARAMS, 2, 4)?.into_iter();
    let [interval, function, targs, kwargs] = std::array::from_fn(|_| p.next().flatten());
    thread_init(vm, Args::new(vec![this.clone()]))?;
    let finished = super::sync::new_event(vm, Args::new(Vec::new()))?;
    let targs = targs.filter(|a| !a.is_none()).unwrap_or_else(|| Value::list(Vec::new()));
    let kwargs = kwargs.filter(|k| !k.is_none()).unwrap_or_else(|| Value::Dict(Arc::new(crate::dict::Dict::new())));
    for (name, value) in [
        ("interval", interval.expect("required")),
        ("function", function.expect("required")),
        ("args", targs),
        ("kwargs", kwargs),
        ("finished", finished),
    ] {
        crate::attr::set_attr(vm, &this, name, value)?;
    }
    Ok(Value::None)
}

fn timer_event(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    crate::attr::get_attr(vm, this, "finished")
}

fn timer_cancel(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::modules::only_self("Timer.cancel", &args)?;
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let finished = timer_event(vm, &this)?;
    let set = crate::attr::get_attr(vm, &finished, "set")?;
    vm.call(&set, Args::new(Vec::new()))
}

fn timer_run(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::modules::only_self("Timer.run", &args)?;
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let finished = timer_event(vm, &this)?;
    let interval = crate::attr::get_attr(vm, &this, "interval")?;
    let wait = crate::attr::get_attr(vm, &finished, "wait")?;
    vm.call(&wait, Args::new(vec![interval]))?;
    let is_set = crate::attr::get_attr(vm, &finished, "is_set")?;
    let already = vm.call(&is_set, Args::new(Vec::new()))?;
    if !protocol::truthy(vm, &already)? {
        let function = crate::attr::get_attr(vm, &this, "function")?;
        let targs = crate::attr::get_attr(vm, &this, "args")?;
        let kwargs = crate::attr::get_attr(vm, &this, "kwargs")?;
        call_with(vm, &function, &targs, &kwargs)?;
    }
    let set = crate::attr::get_attr(vm, &finished, "set")?;
    vm.call(&set, Args::new(Vec::new()))
}
