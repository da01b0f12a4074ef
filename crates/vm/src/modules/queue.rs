//! The `queue` module: Queue, LifoQueue, PriorityQueue and SimpleQueue, with the Empty
//! and Full exceptions. One [`Waitable`] holds each queue's items and counters; getters,
//! putters and `join` wait on it, releasing the GIL.

use std::any::Any;
use std::collections::VecDeque;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use gilvm_sched::{BlockKind, Waitable, Wake};
use gilvm_syntax::ast::CmpOp;

use crate::errors::{value_error, PyErr, PyResult};
use crate::object::{Args, Class, TypeKind};
use crate::protocol;
use crate::value::Value;
use crate::vm::Vm;

use super::threading::sync::{native_class, set_constructor};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Fifo,
    Lifo,
    /// Items kept sorted, smallest first (`heapq` order for distinct keys).
    Priority,
    /// `SimpleQueue`: unbounded, no task tracking.
    Simple,
}

pub struct Queue {
    kind: Kind,
    /// 0 or less: unbounded.
    maxsize: i64,
    state: Waitable<State>,
}

#[derive(Default)]
struct State {
    items: VecDeque<Value>,
    /// Slots promised to putters that are still finding their place (PriorityQueue).
    reserved: usize,
    /// Items put and not yet marked done (`task_done`).
    unfinished: u64,
    /// Bumped by every change of `items`.
    version: u64,
}

impl crate::object::NativeObject for Queue {
    fn class(&self) -> Arc<Class> {
        match self.kind {
            Kind::Fifo => queue_class(),
            Kind::Lifo => lifo_class(),
            Kind::Priority => priority_class(),
            Kind::Simple => simple_class(),
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self) -> Option<String> {
        let module = if self.kind == Kind::Simple { "_queue" } else { "queue" };
        let name = self.class().name.clone();
        Some(format!("<{module}.{name} object at {:#x}>", self as *const Queue as usize))
    }
}

pub fn create() -> Value {
    let (module, dict) = crate::modules::new_module("queue", &[]);
    dict.set_str("Queue", Value::Class(queue_class()));
    dict.set_str("LifoQueue", Value::Class(lifo_class()));
    dict.set_str("PriorityQueue", Value::Class(priority_class()));
    dict.set_str("SimpleQueue", Value::Class(simple_class()));
    dict.set_str("Empty", Value::Class(empty_class()));
    dict.set_str("Full", Value::Class(full_class()));
    module
}

const METHODS: [(&str, crate::object::BuiltinFn); 9] = [
    ("put", put),
    ("get", get),
    ("put_nowait", put_nowait),
    ("get_nowait", get_nowait),
    ("qsize", qsize),
    ("empty", empty),
    ("full", full),
    ("task_done", task_done),
    ("join", join),
];

fn make_class(
    name: &str,
    constructor: crate::object::BuiltinFn,
    methods: &[(&'static str, crate::object::BuiltinFn)],
) -> Arc<Class> {
    let cls = native_class(name, "queue", methods);
    set_constructor(&cls, constructor);
    let maxsize = crate::object::DescriptorObj {
        desc: crate::sync::RwLock::new(crate::object::Descriptor::Property {
            fget: crate::builtins::builtin("maxsize", maxsize),
            fset: None,
        }),
    };
    cls.set_attr("maxsize", Value::native(maxsize));
    cls
}

fn queue_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| make_class("Queue", new_fifo, &METHODS)).clone()
}

/// LifoQueue and PriorityQueue derive from Queue, as in CPython.
fn queue_subclass(name: &str, constructor: crate::object::BuiltinFn) -> Arc<Class> {
    let cls = crate::types::new_class(name, Some(queue_class()), TypeKind::Native, "queue");
    set_constructor(&cls, constructor);
    cls
}

fn lifo_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| queue_subclass("LifoQueue", new_lifo)).clone()
}

fn priority_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| queue_subclass("PriorityQueue", new_priority)).clone()
}

fn simple_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let cls = native_class(
            "SimpleQueue",
            "_queue",
            // Queue's methods without full/task_done/join.
            &METHODS[..6],
        );
        set_constructor(&cls, new_simple);
        cls
    })
    .clone()
}

/// `queue.Empty` (defined in `_queue`, as in CPython).
fn empty_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        crate::types::new_class("Empty", Some(crate::types::types().exc("Exception")), TypeKind::Exception, "_queue")
    })
    .clone()
}

fn full_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        crate::types::new_class("Full", Some(crate::types::types().exc("Exception")), TypeKind::Exception, "queue")
    })
    .clone()
}

fn empty_error() -> PyErr {
    crate::errors::new_exception_of(&empty_class(), Vec::new())
}

fn full_error() -> PyErr {
    crate::errors::new_exception_of(&full_class(), Vec::new())
}

fn new_queue(kind: Kind, mut args: Args) -> PyResult<Value> {
    if !args.pos.is_empty() {
        args.pos.remove(0); // the class
    }
    let maxsize = if kind == Kind::Simple {
        if !args.pos.is_empty() || !args.kw.is_empty() {
            return Err(crate::errors::type_error("SimpleQueue() takes no arguments"));
        }
        0
    } else {
        let mut p = crate::modules::bind_params("Queue.__init__", args, &["maxsize"], 0, 1)?.into_iter();
        match p.next().flatten() {
            Some(v) => protocol::as_int(&v)?,
            None => 0,
        }
    };
    Ok(Value::native(Queue { kind, maxsize, state: Waitable::new(State::default()) }))
}

fn new_fifo(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    new_queue(Kind::Fifo, args)
}

fn new_lifo(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    new_queue(Kind::Lifo, args)
}

fn new_priority(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    new_queue(Kind::Priority, args)
}

fn new_simple(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    new_queue(Kind::Simple, args)
}

fn this(args: &Args, method: &str) -> PyResult<Value> {
    match args.pos.first() {
        Some(v) if crate::object::downcast::<Queue>(v).is_some() => Ok(v.clone()),
        _ => Err(crate::errors::type_error(format!("descriptor '{method}' requires a 'Queue' object"))),
    }
}

fn queue_of(v: &Value) -> &Queue {
    crate::object::downcast::<Queue>(v).expect("checked by this()")
}

/// `block=True, timeout=None` as a wait: `None` forever, `Some(0)` not at all.
fn wait_time(vm: &mut Vm, block: Option<Value>, timeout: Option<Value>) -> PyResult<Option<Duration>> {
    let block = match block {
        Some(b) => protocol::truthy(vm, &b)?,
        None => true,
    };
    if !block {
        return Ok(Some(Duration::ZERO));
    }
    match timeout {
        None | Some(Value::None) => Ok(None),
        Some(t) => {
            let secs = crate::modules::float_arg(&t, "")?;
            if secs < 0.0 {
                return Err(value_error("'timeout' must be a non-negative number"));
            }
            Ok(Some(super::threading::thread_class::duration_from_secs(secs)))
        }
    }
}

impl Queue {
    fn is_full(&self, st: &State) -> bool {
        self.maxsize > 0 && st.items.len() + st.reserved >= self.maxsize as usize
    }

    fn put(&self, vm: &mut Vm, item: Value, wait: Option<Duration>) -> PyResult<()> {
        // Reserve a slot (waiting for one if the queue is full).
        super::threading::note_wait(vm, BlockKind::Queue, None);
        let reserved = self.state.wait_for(&mut vm.thread, BlockKind::Queue, wait, |st| {
            if self.is_full(st) {
                None
            } else {
                st.reserved += 1;
                Some(())
            }
        });
        if reserved.is_none() {
            return Err(full_error());
        }
        loop {
            let (snapshot, version) = {
                let st = self.state.lock();
                match self.kind {
                    Kind::Priority => (st.items.iter().cloned().collect::<Vec<_>>(), st.version),
                    _ => (Vec::new(), st.version),
                }
            };
            // PriorityQueue: find the place with Python comparisons, holding no lock.
            let place = match self.kind {
                Kind::Priority => match insertion_point(vm, &snapshot, &item) {
                    Ok(i) => Some(i),
                    Err(e) => {
                        self.state.update(|st| {
                            st.reserved -= 1;
                            ((), Wake::All)
                        });
                        return Err(e);
                    }
                },
                _ => None,
            };
            let done = self.state.update(|st| {
                if place.is_some() && st.version != version {
                    return (false, Wake::Nobody);
                }
                match place {
                    Some(i) => st.items.insert(i, item.clone()),
                    None => st.items.push_back(item.clone()),
                }
                st.reserved -= 1;
                st.unfinished += 1;
                st.version += 1;
                (true, Wake::All)
            });
            if done {
                return Ok(());
            }
        }
    }

    fn get(&self, vm: &mut Vm, wait: Option<Duration>) -> PyResult<Value> {
        let kind = self.kind;
        super::threading::note_wait(vm, BlockKind::Queue, None);
        let item = self.state.wait_for(&mut vm.thread, BlockKind::Queue, wait, |st| {
            let item = match kind {
                Kind::Lifo => st.items.pop_back(),
                _ => st.items.pop_front(),
            }?;
            st.version += 1;
            Some(item)
        });
        match item {
            Some(item) => {
                // Wake putters waiting for room.
                self.state.notify_all();
                Ok(item)
            }
            None => Err(empty_error()),
        }
    }
}

/// Where `item` goes in the sorted `items` (after equal ones): a binary search with `<`.
fn insertion_point(vm: &mut Vm, items: &[Value], item: &Value) -> PyResult<usize> {
    let (mut lo, mut hi) = (0, items.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        let less = protocol::compare(vm, CmpOp::Lt, item, &items[mid])?;
        if protocol::truthy(vm, &less)? {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn put(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args, "put")?;
    let mut rest = args;
    rest.pos.remove(0);
    let mut p = crate::modules::bind_params("put", rest, &["item", "block", "timeout"], 1, 3)?.into_iter();
    let item = p.next().flatten().expect("required");
    let wait = wait_time(vm, p.next().flatten(), p.next().flatten())?;
    queue_of(&q).put(vm, item, wait)?;
    Ok(Value::None)
}

fn put_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args, "put_nowait")?;
    let mut rest = args;
    rest.pos.remove(0);
    let mut p = crate::modules::bind_params("put_nowait", rest, &["item"], 1, 1)?.into_iter();
    let item = p.next().flatten().expect("required");
    queue_of(&q).put(vm, item, Some(Duration::ZERO))?;
    Ok(Value::None)
}

fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args, "get")?;
    let mut rest = args;
    rest.pos.remove(0);
    let mut p = crate::modules::bind_params("get", rest, &["block", "timeout"], 0, 2)?.into_iter();
    let wait = wait_time(vm, p.next().flatten(), p.next().flatten())?;
    queue_of(&q).get(vm, wait)
}

fn get_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args, "get_nowait")?;
    queue_of(&q).get(vm, Some(Duration::ZERO))
}

fn qsize(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args, "qsize")?;
    let n = queue_of(&q).state.lock().items.len();
    Ok(Value::Int(n as i64))
}

fn empty(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args, "empty")?;
    let empty = queue_of(&q).state.lock().items.is_empty();
    Ok(Value::bool(empty))
}

fn full(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args, "full")?;
    let queue = queue_of(&q);
    let full = queue.maxsize > 0 && queue.state.lock().items.len() >= queue.maxsize as usize;
    Ok(Value::bool(full))
}

fn maxsize(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args, "maxsize")?;
    Ok(Value::Int(queue_of(&q).maxsize))
}

fn task_done(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args, "task_done")?;
    queue_of(&q).state.update(|st| {
        if st.unfinished == 0 {
            return (Err(value_error("task_done() called too many times")), Wake::Nobody);
        }
        st.unfinished -= 1;
        (Ok(Value::None), if st.unfinished == 0 { Wake::All } else { Wake::Nobody })
    })
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args, "join")?;
    super::threading::note_wait(vm, BlockKind::Queue, None);
    queue_of(&q).state.wait_for(&mut vm.thread, BlockKind::Queue, None, |st| (st.unfinished == 0).then_some(()));
    Ok(Value::None)
}
