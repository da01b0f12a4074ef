//! `threading`'s sync objects beyond `Lock`: RLock, Condition, Event, Semaphore and
//! BoundedSemaphore (Barrier is in `barrier.rs`). Each keeps its state in a [`Waitable`], so every wait
//! releases the GIL and works the same under the real and the simulated scheduler.

use std::any::Any;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use gilvm_sched::{BlockKind, Waitable, Wake};

use crate::errors::{runtime_error, type_error, value_error, PyResult};
use crate::object::{Args, Class, NativeObject, TypeKind};
use crate::protocol;
use crate::value::Value;
use crate::vm::Vm;

use super::thread_class::duration_from_secs;

/// A native class of the `threading` module (or `_thread`) with these methods.
pub fn native_class(name: &str, module: &str, methods: &[(&'static str, crate::object::BuiltinFn)]) -> Arc<Class> {
    let cls = crate::types::new_class(name, Some(crate::types::types().object.clone()), TypeKind::Native, module);
    for &(method, f) in methods {
        crate::methods::add_method(&cls, method, f);
    }
    cls
}

/// Makes `cls(...)` call `constructor(...)` (without the class argument).
pub fn set_constructor(cls: &Class, constructor: crate::object::BuiltinFn) {
    cls.set_attr("__gilvm_new__", crate::builtins::builtin("__gilvm_new__", constructor));
}

/// Drops the class argument `__gilvm_new__` receives.
pub(super) fn without_class(mut args: Args) -> Args {
    if !args.pos.is_empty() {
        args.pos.remove(0);
    }
    args
}

fn condition_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    new_condition(vm, without_class(args))
}

fn event_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    new_event(vm, without_class(args))
}

fn semaphore_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    new_semaphore(vm, without_class(args))
}

fn bounded_semaphore_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    new_bounded_semaphore(vm, without_class(args))
}

pub(super) fn this<'a, T: 'static>(args: &'a Args, type_name: &str, method: &str) -> PyResult<&'a T> {
    args.pos.first().and_then(crate::object::downcast::<T>).ok_or_else(|| {
        type_error(format!("descriptor '{method}' for '{type_name}' objects doesn't apply to this object"))
    })
}

/// A `timeout=None` argument (CPython's Semaphore, Event, Condition, Barrier): `None`
/// waits forever; negative waits not at all.
pub(super) fn optional_timeout(v: Option<&Value>) -> PyResult<Option<Duration>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match crate::ops::to_f64(v)? {
            Some(secs) => Ok(Some(duration_from_secs(secs.max(0.0)))),
            None => Err(type_error(format!("must be real number, not {}", crate::ops::type_name(v)))),
        },
    }
}

pub(super) fn address<T>(obj: &T) -> usize {
    obj as *const T as usize
}

// ----- RLock -----

/// `threading.RLock`: a lock its owner may take again; `count` levels deep.
pub struct RLock {
    state: Waitable<RState>,
}

#[derive(Default)]
struct RState {
    /// The owning thread (scheduler id) and its ident (for `repr`).
    owner: Option<(usize, u64)>,
    count: u64,
}

impl NativeObject for RLock {
    fn class(&self) -> Arc<Class> {
        rlock_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self) -> Option<String> {
        let st = self.state.lock();
        let (locked, owner) = match st.owner {
            Some((_, ident)) => ("locked", ident),
            None => ("unlocked", 0),
        };
        Some(format!("<{locked} _thread.RLock object owner={owner} count={} at {:#x}>", st.count, address(self)))
    }
}

pub fn rlock_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        native_class(
            "RLock",
            "_thread",
            &[
                ("acquire", rlock_acquire),
                ("__enter__", rlock_acquire),
                ("release", rlock_release),
                ("__exit__", rlock_exit),
                ("_is_owned", rlock_is_owned),
            ],
        )
    })
    .clone()
}

/// `threading.RLock(*args, **kwargs)`: CPython's C RLock ignores its arguments.
pub fn new_rlock(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::native(RLock { state: Waitable::new(RState::default()) }))
}

impl RLock {
    fn acquire(&self, vm: &mut Vm, timeout: Option<Duration>) -> bool {
        let me = vm.thread.info.id;
        let ident = super::identity(&vm.thread).0;
        if timeout.is_none() {
            let holder = self.state.lock().owner.map(|(owner, _)| owner);
            super::note_wait(vm, BlockKind::Lock, holder);
        }
        self.state
            .wait_for(&mut vm.thread, BlockKind::Lock, timeout, |st| match st.owner {
                Some((owner, _)) if owner == me => {
                    st.count += 1;
                    Some(())
                }
                Some(_) => None,
                None => {
                    st.owner = Some((me, ident));
                    st.count = 1;
                    Some(())
                }
            })
            .is_some()
    }

    fn release(&self, vm: &Vm) -> PyResult<()> {
        let me = vm.thread.info.id;
        self.state.update(|st| match st.owner {
            Some((owner, _)) if owner == me => {
                st.count -= 1;
                if st.count == 0 {
                    st.owner = None;
                    (Ok(()), Wake::One)
                } else {
                    (Ok(()), Wake::Nobody)
                }
            }
            _ => (Err(runtime_error("cannot release un-acquired lock")), Wake::Nobody),
        })
    }

    fn is_owned(&self, vm: &Vm) -> bool {
        self.state.lock().owner.is_some_and(|(owner, _)| owner == vm.thread.info.id)
    }

    /// Releases every level (for Condition.wait) and returns how many there were.
    fn release_all(&self, vm: &Vm) -> PyResult<u64> {
        let me = vm.thread.info.id;
        self.state.update(|st| match st.owner {
            Some((owner, _)) if owner == me => {
                let count = std::mem::take(&mut st.count);
                st.owner = None;
                (Ok(count), Wake::One)
            }
            _ => (Err(runtime_error("cannot release un-acquired lock")), Wake::Nobody),
        })
    }

    fn acquire_levels(&self, vm: &mut Vm, count: u64) {
        self.acquire(vm, None);
        self.state.lock().count = count;
    }
}

fn rlock_acquire(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    this::<RLock>(&args, "_thread.RLock", "acquire")?;
    let this = args.pos.remove(0);
    let timeout = crate::modules::thread::acquire_timeout(vm, args)?;
    let lock = crate::object::downcast::<RLock>(&this).expect("checked above");
    Ok(Value::bool(lock.acquire(vm, timeout)))
}

fn rlock_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::modules::no_args_method("RLock.release", &args)?;
    this::<RLock>(&args, "_thread.RLock", "release")?.release(vm)?;
    Ok(Value::None)
}

fn rlock_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this::<RLock>(&args, "_thread.RLock", "__exit__")?.release(vm)?;
    Ok(Value::None)
}

fn rlock_is_owned(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::modules::no_args_method("RLock._is_owned", &args)?;
    Ok(Value::bool(this::<RLock>(&args, "_thread.RLock", "_is_owned")?.is_owned(vm)))
}

// ----- Condition -----

/// `threading.Condition(lock=None)`: waiters queue on the condition and give up its lock
/// while they wait.
pub struct Condition {
    lock: Value,
    /// One flag per waiting call, set by notify; in arrival order.
    waiters: parking_lot::Mutex<Vec<Arc<Waitable<bool>>>>,
}

impl NativeObject for Condition {
    fn class(&self) -> Arc<Class> {
        condition_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    /// CPython's `<Condition(LOCK, WAITERS)>`, when the lock is a native one (a lock
    /// written in Python needs the VM for its repr: `Condition.__repr__` has it).
    fn repr(&self) -> Option<String> {
        let Value::Native(lock) = &self.lock else { return None };
        Some(format!("<Condition({}, {})>", lock.repr()?, self.waiters.lock().len()))
    }
}

pub fn condition_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let cls = native_class(
            "Condition",
            "threading",
            &[
                ("__repr__", condition_repr),
                ("acquire", condition_acquire),
                ("__enter__", condition_enter),
                ("release", condition_release),
                ("__exit__", condition_exit),
                ("wait", condition_wait),
                ("wait_for", condition_wait_for),
                ("notify", condition_notify),
                ("notify_all", condition_notify_all),
                ("notifyAll", condition_notify_all_deprecated),
                ("_is_owned", condition_is_owned),
            ],
        );
        set_constructor(&cls, condition_new);
        cls
    })
    .clone()
}

pub fn new_condition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut p = crate::modules::bind_method("Condition.__init__", args, &["lock"], 0, 1)?.into_iter();
    let lock = match p.next().flatten() {
        Some(l) if !l.is_none() => l,
        _ => new_rlock(vm, Args::new(Vec::new()))?,
    };
    Ok(Value::native(Condition { lock, waiters: parking_lot::Mutex::new(Vec::new()) }))
}

impl Condition {
    fn call_lock(&self, vm: &mut Vm, method: &str, args: Vec<Value>) -> PyResult<Value> {
        let f = crate::attr::get_attr(vm, &self.lock, method)?;
        vm.call(&f, Args::new(args))
    }

    /// CPython's `_is_owned`: an RLock knows its owner; for a plain lock, "locked" is
    /// taken to mean "locked by this thread".
    fn is_owned(&self, vm: &mut Vm) -> PyResult<bool> {
        if let Some(r) = crate::object::downcast::<RLock>(&self.lock) {
            return Ok(r.is_owned(vm));
        }
        if let Ok(f) = crate::attr::get_attr(vm, &self.lock, "_is_owned") {
            let owned = vm.call(&f, Args::new(Vec::new()))?;
            return protocol::truthy(vm, &owned);
        }
        let got = self.call_lock(vm, "acquire", vec![Value::Bool(crate::value::PyBool::FALSE)])?;
        if protocol::truthy(vm, &got)? {
            self.call_lock(vm, "release", Vec::new())?;
            Ok(false)
        } else {
            Ok(true)
        }
    }

    /// Waits for a notification; returns false on a timeout.
    fn wait(&self, vm: &mut Vm, timeout: Option<Duration>) -> PyResult<bool> {
        if !self.is_owned(vm)? {
            return Err(runtime_error("cannot wait on un-acquired lock"));
        }
        let waiter = Arc::new(Waitable::new(false));
        self.waiters.lock().push(waiter.clone());
        // Give up the lock entirely (every level of an RLock) while waiting.
        let levels = match crate::object::downcast::<RLock>(&self.lock) {
            Some(r) => Some(r.release_all(vm)?),
            None => {
                self.call_lock(vm, "release", Vec::new())?;
                None
            }
        };
        super::note_wait(vm, BlockKind::Condition, None);
        let notified =
            waiter.wait_for(&mut vm.thread, BlockKind::Condition, timeout, |set| set.then_some(())).is_some();
        if !notified {
            self.waiters.lock().retain(|w| !Arc::ptr_eq(w, &waiter));
        }
        match (levels, crate::object::downcast::<RLock>(&self.lock)) {
            (Some(n), Some(r)) => r.acquire_levels(vm, n),
            _ => {
                self.call_lock(vm, "acquire", Vec::new())?;
            }
        }
        Ok(notified)
    }

    fn notify(&self, vm: &mut Vm, n: usize) -> PyResult<()> {
        if !self.is_owned(vm)? {
            return Err(runtime_error("cannot notify on un-acquired lock"));
        }
        let woken: Vec<Arc<Waitable<bool>>> = {
            let mut waiters = self.waiters.lock();
            let n = n.min(waiters.len());
            waiters.drain(..n).collect()
        };
        for w in woken {
            w.update(|set| {
                *set = true;
                ((), Wake::All)
            });
        }
        Ok(())
    }
}

fn condition_repr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cond = this::<Condition>(&args, "Condition", "__repr__")?;
    let lock = cond.lock.clone();
    let waiting = cond.waiters.lock().len();
    let lock_repr = protocol::repr(_vm, &lock)?;
    Ok(Value::str(format!("<Condition({lock_repr}, {waiting})>")))
}

fn condition_acquire(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cond = this::<Condition>(&args, "Condition", "acquire")?;
    let lock = cond.lock.clone();
    args.pos.remove(0);
    let f = crate::attr::get_attr(vm, &lock, "acquire")?;
    vm.call(&f, args)
}

/// `Condition._is_owned()`: the RLock's own `_is_owned`, or else CPython's guess.
fn condition_is_owned(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cond = this::<Condition>(&args, "Condition", "_is_owned")?;
    if crate::object::downcast::<RLock>(&cond.lock).is_some() {
        crate::modules::no_args_method("RLock._is_owned", &args)?;
    } else {
        crate::modules::only_self("Condition._is_owned", &args)?;
    }
    Ok(Value::bool(cond.is_owned(vm)?))
}

/// `Condition.__enter__(self)`: the lock's `__enter__`.
fn condition_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::modules::only_self("Condition.__enter__", &args)?;
    let lock = this::<Condition>(&args, "Condition", "__enter__")?.lock.clone();
    let f = crate::attr::get_attr(vm, &lock, "__enter__")?;
    vm.call(&f, Args::new(Vec::new()))
}

/// `Condition.release`: the lock's `release` itself, as in CPython (so it checks the
/// arguments).
fn condition_release(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let lock = this::<Condition>(&args, "Condition", "release")?.lock.clone();
    args.pos.remove(0);
    let f = crate::attr::get_attr(vm, &lock, "release")?;
    vm.call(&f, args)
}

/// `Condition.__exit__(self, *args)`: releases the lock, whatever the exception.
fn condition_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lock = this::<Condition>(&args, "Condition", "__exit__")?.lock.clone();
    let f = crate::attr::get_attr(vm, &lock, "release")?;
    vm.call(&f, Args::new(Vec::new()))
}

fn condition_wait(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    this::<Condition>(&args, "Condition", "wait")?;
    let this = args.pos.remove(0);
    let mut p = crate::modules::bind_method("Condition.wait", args, &["timeout"], 0, 1)?.into_iter();
    let timeout = optional_timeout(p.next().flatten().as_ref())?;
    let cond = crate::object::downcast::<Condition>(&this).expect("checked above");
    Ok(Value::bool(cond.wait(vm, timeout)?))
}

/// `wait_for(predicate, timeout=None)`, as CPython's loop: waits until the predicate is
/// true or the timeout has passed, and returns the predicate's last value.
fn condition_wait_for(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    this::<Condition>(&args, "Condition", "wait_for")?;
    let this = args.pos.remove(0);
    let mut p = crate::modules::bind_method("Condition.wait_for", args, &["predicate", "timeout"], 1, 2)?.into_iter();
    let predicate = p.next().flatten().expect("required");
    let timeout = optional_timeout(p.next().flatten().as_ref())?;
    let cond = crate::object::downcast::<Condition>(&this).expect("checked above");
    let end = timeout.map(|t| vm.thread.now().saturating_add(t));
    let mut result = vm.call(&predicate, Args::new(Vec::new()))?;
    while !protocol::truthy(vm, &result)? {
        let wait = match end {
            None => None,
            Some(end) => {
                let now = vm.thread.now();
                if now >= end {
                    break;
                }
                Some(end - now)
            }
        };
        cond.wait(vm, wait)?;
        result = vm.call(&predicate, Args::new(Vec::new()))?;
    }
    Ok(result)
}

fn condition_notify(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    this::<Condition>(&args, "Condition", "notify")?;
    let this = args.pos.remove(0);
    let mut p = crate::modules::bind_method("Condition.notify", args, &["n"], 0, 1)?.into_iter();
    let n = match p.next().flatten() {
        Some(v) => protocol::as_int(&v)?.max(0) as usize,
        None => 1,
    };
    crate::object::downcast::<Condition>(&this).expect("checked above").notify(vm, n)?;
    Ok(Value::None)
}

fn condition_notify_all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::modules::only_self("Condition.notify_all", &args)?;
    this::<Condition>(&args, "Condition", "notify_all")?.notify(vm, usize::MAX)?;
    Ok(Value::None)
}

fn condition_notify_all_deprecated(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::modules::only_self("Condition.notifyAll", &args)?;
    super::deprecated(vm, "notifyAll() is deprecated, use notify_all() instead");
    this::<Condition>(&args, "Condition", "notifyAll")?.notify(vm, usize::MAX)?;
    Ok(Value::None)
}

// ----- Event -----

/// `threading.Event`: a flag threads can wait for.
pub struct Event {
    state: Waitable<EventState>,
}

#[derive(Default)]
struct EventState {
    flag: bool,
    /// Bumped by every `set()`. A thread waiting when it is bumped is released even if
    /// `clear()` comes before the thread looks again, as CPython's `Condition.wait`
    /// returns True for every thread notified by `set()`.
    sets: u64,
}

impl NativeObject for Event {
    fn class(&self) -> Arc<Class> {
        event_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self) -> Option<String> {
        let state = if self.is_set() { "set" } else { "unset" };
        Some(format!("<threading.Event at {:#x}: {state}>", address(self)))
    }
}

pub fn event_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let cls = native_class(
            "Event",
            "threading",
            &[
                ("set", event_set),
                ("clear", event_clear),
                ("is_set", event_is_set),
                ("isSet", event_is_set_deprecated),
                ("wait", event_wait),
            ],
        );
        set_constructor(&cls, event_new);
        cls
    })
    .clone()
}

pub fn new_event(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.pos.is_empty() || !args.kw.is_empty() {
        return Err(type_error("Event.__init__() takes 1 positional argument but 2 were given"));
    }
    Ok(Value::native(Event { state: Waitable::new(EventState::default()) }))
}

impl Event {
    pub fn set(&self) {
        self.state.update(|st| {
            st.flag = true;
            st.sets += 1;
            ((), Wake::All)
        });
    }

    pub fn is_set(&self) -> bool {
        self.state.lock().flag
    }

    pub fn wait(&self, vm: &mut Vm, timeout: Option<Duration>) -> bool {
        let seen = {
            let st = self.state.lock();
            if st.flag {
                return true;
            }
            st.sets
        };
        super::note_wait(vm, BlockKind::Event, None);
        let released = |st: &mut EventState| (st.flag || st.sets != seen).then_some(());
        self.state.wait_for(&mut vm.thread, BlockKind::Event, timeout, released).is_some()
    }
}

fn event_set(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::modules::only_self("Event.set", &args)?;
    this::<Event>(&args, "Event", "set")?.set();
    Ok(Value::None)
}

fn event_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::modules::only_self("Event.clear", &args)?;
    this::<Event>(&args, "Event", "clear")?.state.lock().flag = false;
    Ok(Value::None)
}

fn event_is_set(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::modules::only_self("Event.is_set", &args)?;
    Ok(Value::bool(this::<Event>(&args, "Event", "is_set")?.is_set()))
}

fn event_is_set_deprecated(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::modules::only_self("Event.isSet", &args)?;
    super::deprecated(vm, "isSet() is deprecated, use is_set() instead");
    Ok(Value::bool(this::<Event>(&args, "Event", "isSet")?.is_set()))
}

fn event_wait(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    this::<Event>(&args, "Event", "wait")?;
    let this = args.pos.remove(0);
    let mut p = crate::modules::bind_method("Event.wait", args, &["timeout"], 0, 1)?.into_iter();
    let timeout = optional_timeout(p.next().flatten().as_ref())?;
    let event = crate::object::downcast::<Event>(&this).expect("checked above");
    Ok(Value::bool(event.wait(vm, timeout)))
}

// ----- Semaphore and BoundedSemaphore -----

/// `threading.Semaphore` and (with `bound`) `threading.BoundedSemaphore`.
pub struct Semaphore {
    value: Waitable<u64>,
    /// The initial value, for BoundedSemaphore.
    bound: Option<u64>,
}

impl NativeObject for Semaphore {
    fn class(&self) -> Arc<Class> {
        if self.bound.is_some() {
            bounded_semaphore_class()
        } else {
            semaphore_class()
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self) -> Option<String> {
        let value = *self.value.lock();
        Some(match self.bound {
            Some(bound) => format!("<threading.BoundedSemaphore at {:#x}: value={value}/{bound}>", address(self)),
            None => format!("<threading.Semaphore at {:#x}: value={value}>", address(self)),
        })
    }
}

pub fn semaphore_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let cls = native_class(
            "Semaphore",
            "threading",
            &[
                ("acquire", semaphore_acquire),
                ("__enter__", semaphore_acquire),
                ("release", semaphore_release),
                ("__exit__", semaphore_exit),
            ],
        );
        set_constructor(&cls, semaphore_new);
        cls
    })
    .clone()
}

/// A subclass of Semaphore, as in CPython; it inherits the methods.
pub fn bounded_semaphore_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let cls = crate::types::new_class("BoundedSemaphore", Some(semaphore_class()), TypeKind::Native, "threading");
        set_constructor(&cls, bounded_semaphore_new);
        cls
    })
    .clone()
}

fn semaphore_value(args: Args, name: &str) -> PyResult<u64> {
    let mut p = crate::modules::bind_method(&format!("{name}.__init__"), args, &["value"], 0, 1)?.into_iter();
    let value = match p.next().flatten() {
        Some(v) => protocol::as_int(&v)?,
        None => 1,
    };
    if value < 0 {
        return Err(value_error("semaphore initial value must be >= 0"));
    }
    Ok(value as u64)
}

pub fn new_semaphore(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let value = semaphore_value(args, "Semaphore")?;
    Ok(Value::native(Semaphore { value: Waitable::new(value), bound: None }))
}

pub fn new_bounded_semaphore(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let value = semaphore_value(args, "BoundedSemaphore")?;
    Ok(Value::native(Semaphore { value: Waitable::new(value), bound: Some(value) }))
}

fn semaphore_acquire(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    this::<Semaphore>(&args, "Semaphore", "acquire")?;
    let this = args.pos.remove(0);
    let mut p = crate::modules::bind_method("Semaphore.acquire", args, &["blocking", "timeout"], 0, 2)?.into_iter();
    let blocking = match p.next().flatten() {
        Some(b) => protocol::truthy(vm, &b)?,
        None => true,
    };
    let timeout_arg = p.next().flatten();
    if !blocking && timeout_arg.as_ref().is_some_and(|t| !t.is_none()) {
        return Err(value_error("can't specify timeout for non-blocking acquire"));
    }
    let timeout = if blocking { optional_timeout(timeout_arg.as_ref())? } else { Some(Duration::ZERO) };
    let sem = crate::object::downcast::<Semaphore>(&this).expect("checked above");
    super::note_wait(vm, BlockKind::Semaphore, None);
    let got = sem.value.wait_for(&mut vm.thread, BlockKind::Semaphore, timeout, |value| {
        if *value > 0 {
            *value -= 1;
            Some(())
        } else {
            None
        }
    });
    Ok(Value::bool(got.is_some()))
}

fn semaphore_release(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    this::<Semaphore>(&args, "Semaphore", "release")?;
    let this = args.pos.remove(0);
    let bounded = crate::object::downcast::<Semaphore>(&this).is_some_and(|s| s.bound.is_some());
    let qualname = if bounded { "BoundedSemaphore.release" } else { "Semaphore.release" };
    let mut p = crate::modules::bind_method(qualname, args, &["n"], 0, 1)?.into_iter();
    let n = match p.next().flatten() {
        Some(v) => protocol::as_int(&v)?,
        None => 1,
    };
    if n < 1 {
        return Err(value_error("n must be one or more"));
    }
    let sem = crate::object::downcast::<Semaphore>(&this).expect("checked above");
    let bound = sem.bound;
    sem.value.update(|value| {
        if bound.is_some_and(|b| *value + n as u64 > b) {
            return (Err(value_error("Semaphore released too many times")), Wake::Nobody);
        }
        *value += n as u64;
        (Ok(Value::None), Wake::All)
    })
}

/// `Semaphore.__exit__(self, t, v, tb)`: releases once.
fn semaphore_exit(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    this::<Semaphore>(&args, "Semaphore", "__exit__")?;
    let this = args.pos.remove(0);
    crate::modules::bind_method("Semaphore.__exit__", args, &["t", "v", "tb"], 3, 3)?;
    semaphore_release(vm, Args::new(vec![this]))
}
