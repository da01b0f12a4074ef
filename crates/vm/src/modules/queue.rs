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
    /// Items in a binary heap, ordered with `<` exactly as CPython's `heapq` orders them.
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
    /// A PriorityQueue's heap is out with a thread that sifts it with Python `<`
    /// comparisons, which CPython does holding the queue's mutex: until it is back, no
    /// other thread may put or get.
    busy: bool,
    /// How many items the busy thread holds (they still count for `qsize`).
    taken: usize,
    /// Items put and not yet marked done (`task_done`).
    unfinished: u64,
}

impl State {
    fn len(&self) -> usize {
        self.items.len() + self.taken
    }
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
        let mut p = crate::modules::bind_method("Queue.__init__", args, &["maxsize"], 0, 1)?.into_iter();
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
        self.maxsize > 0 && st.len() >= self.maxsize as usize
    }

    fn put(&self, vm: &mut Vm, item: Value, wait: Option<Duration>) -> PyResult<()> {
        super::threading::note_wait(vm, BlockKind::Queue, None);
        if self.kind == Kind::Priority {
            return self.put_heap(vm, item, wait);
        }
        let mut item = Some(item);
        let put = self.state.wait_for(&mut vm.thread, BlockKind::Queue, wait, |st| {
            if self.is_full(st) {
                return None;
            }
            st.items.push_back(item.take()?);
            st.unfinished += 1;
            Some(())
        });
        if put.is_none() {
            return Err(full_error());
        }
        // Wake getters.
        self.state.notify_all();
        Ok(())
    }

    fn get(&self, vm: &mut Vm, wait: Option<Duration>) -> PyResult<Value> {
        super::threading::note_wait(vm, BlockKind::Queue, None);
        if self.kind == Kind::Priority {
            return self.get_heap(vm, wait);
        }
        let kind = self.kind;
        let item = self.state.wait_for(&mut vm.thread, BlockKind::Queue, wait, |st| match kind {
            Kind::Lifo => st.items.pop_back(),
            _ => st.items.pop_front(),
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

    /// `heapq.heappush`. If a comparison raises, the item stays in the heap but is not
    /// counted as a task, as in CPython.
    fn put_heap(&self, vm: &mut Vm, item: Value, wait: Option<Duration>) -> PyResult<()> {
        let Some(mut heap) = self.take_heap(vm, wait, |st| !self.is_full(st)) else {
            return Err(full_error());
        };
        heap.push(item);
        let end = heap.len() - 1;
        let result = sift_down(vm, &mut heap, 0, end);
        self.give_back(heap, result.is_ok());
        result
    }

    /// `heapq.heappop`.
    fn get_heap(&self, vm: &mut Vm, wait: Option<Duration>) -> PyResult<Value> {
        let Some(mut heap) = self.take_heap(vm, wait, |st| !st.items.is_empty()) else {
            return Err(empty_error());
        };
        let result = heap_pop(vm, &mut heap);
        self.give_back(heap, false);
        result
    }

    /// Takes a PriorityQueue's heap out of the state once `ready` holds and no other
    /// thread has it, waiting up to `wait`.
    fn take_heap(&self, vm: &mut Vm, wait: Option<Duration>, ready: impl Fn(&State) -> bool) -> Option<Vec<Value>> {
        let mut take = |st: &mut State| {
            if st.busy || !ready(st) {
                return None;
            }
            st.busy = true;
            st.taken = st.items.len();
            Some(Vec::from(std::mem::take(&mut st.items)))
        };
        if let Some(heap) = self.state.wait_for(&mut vm.thread, BlockKind::Queue, wait, &mut take) {
            return Some(heap);
        }
        // CPython takes the queue's mutex, waiting for it, before it looks: a put or get
        // that finds another thread's heap operation under way waits for it to end, even
        // when it does not block or its time is up, and then looks once more.
        let after_busy = |st: &mut State| if st.busy { None } else { Some(take(st)) };
        self.state.wait_for(&mut vm.thread, BlockKind::Queue, None, after_busy).flatten()
    }

    /// Puts the heap back (counting a new task if `put`) and wakes the waiters.
    fn give_back(&self, heap: Vec<Value>, put: bool) {
        self.state.update(|st| {
            st.items = VecDeque::from(heap);
            st.busy = false;
            st.taken = 0;
            if put {
                st.unfinished += 1;
            }
            ((), Wake::All)
        });
    }
}

fn less(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let r = protocol::compare(vm, CmpOp::Lt, a, b)?;
    protocol::truthy(vm, &r)
}

/// `heapq._siftdown`: moves `heap[pos]` towards `start` while it is `<` its parent.
fn sift_down(vm: &mut Vm, heap: &mut [Value], start: usize, mut pos: usize) -> PyResult<()> {
    while pos > start {
        let parent = (pos - 1) >> 1;
        if !less(vm, &heap[pos], &heap[parent])? {
            break;
        }
        heap.swap(pos, parent);
        pos = parent;
    }
    Ok(())
}

/// `heapq._siftup`: moves the smaller child up until `pos` is a leaf, then sifts the
/// item that was at `pos` back down.
fn sift_up(vm: &mut Vm, heap: &mut [Value], mut pos: usize) -> PyResult<()> {
    let (end, start) = (heap.len(), pos);
    while pos < end >> 1 {
        let mut child = 2 * pos + 1;
        if child + 1 < end && !less(vm, &heap[child], &heap[child + 1])? {
            child += 1;
        }
        heap.swap(pos, child);
        pos = child;
    }
    sift_down(vm, heap, start, pos)
}

/// `heapq.heappop` (the heap is not empty). If a comparison raises, the smallest item
/// is lost, as in CPython.
fn heap_pop(vm: &mut Vm, heap: &mut Vec<Value>) -> PyResult<Value> {
    let last = heap.pop().expect("the heap is not empty");
    if heap.is_empty() {
        return Ok(last);
    }
    let first = std::mem::replace(&mut heap[0], last);
    sift_up(vm, heap, 0)?;
    Ok(first)
}

/// The queue a method is called on, and its other arguments bound to `params`, with
/// CPython's messages: queue.py's for Queue and its subclasses (`names.0`, as in
/// `Queue.qsize() takes 1 positional argument but 2 were given`), the C module's for
/// SimpleQueue (`names.1`).
fn method_args(
    args: Args,
    names: (&str, &str),
    params: &[&str],
    required: usize,
) -> PyResult<(Value, Vec<Option<Value>>)> {
    let (queue_name, simple_name) = names;
    let q = this(&args, queue_name.trim_start_matches("Queue."))?;
    let simple = queue_of(&q).kind == Kind::Simple;
    if simple && params.is_empty() {
        crate::modules::no_args_method(simple_name, &args)?;
        return Ok((q, Vec::new()));
    }
    let mut rest = args;
    rest.pos.remove(0);
    let bound = if simple {
        crate::modules::bind_params(simple_name, rest, params, required, params.len())?
    } else {
        crate::modules::bind_method(queue_name, rest, params, required, params.len())?
    };
    Ok((q, bound))
}

fn put(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, bound) = method_args(args, ("Queue.put", "put"), &["item", "block", "timeout"], 1)?;
    let mut p = bound.into_iter();
    let item = p.next().flatten().expect("required");
    let wait = wait_time(vm, p.next().flatten(), p.next().flatten())?;
    queue_of(&q).put(vm, item, wait)?;
    Ok(Value::None)
}

fn put_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, bound) = method_args(args, ("Queue.put_nowait", "put_nowait"), &["item"], 1)?;
    let item = bound.into_iter().next().flatten().expect("required");
    queue_of(&q).put(vm, item, Some(Duration::ZERO))?;
    Ok(Value::None)
}

fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, bound) = method_args(args, ("Queue.get", "get"), &["block", "timeout"], 0)?;
    let mut p = bound.into_iter();
    let wait = wait_time(vm, p.next().flatten(), p.next().flatten())?;
    queue_of(&q).get(vm, wait)
}

fn get_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, _) = method_args(args, ("Queue.get_nowait", "get_nowait"), &[], 0)?;
    queue_of(&q).get(vm, Some(Duration::ZERO))
}

fn qsize(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, _) = method_args(args, ("Queue.qsize", "SimpleQueue.qsize"), &[], 0)?;
    let n = queue_of(&q).state.lock().len();
    Ok(Value::Int(n as i64))
}

fn empty(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, _) = method_args(args, ("Queue.empty", "SimpleQueue.empty"), &[], 0)?;
    let empty = queue_of(&q).state.lock().len() == 0;
    Ok(Value::bool(empty))
}

fn full(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, _) = method_args(args, ("Queue.full", "full"), &[], 0)?;
    let queue = queue_of(&q);
    let full = queue.is_full(&queue.state.lock());
    Ok(Value::bool(full))
}

fn maxsize(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args, "maxsize")?;
    Ok(Value::Int(queue_of(&q).maxsize))
}

fn task_done(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, _) = method_args(args, ("Queue.task_done", "task_done"), &[], 0)?;
    queue_of(&q).state.update(|st| {
        if st.unfinished == 0 {
            return (Err(value_error("task_done() called too many times")), Wake::Nobody);
        }
        st.unfinished -= 1;
        (Ok(Value::None), if st.unfinished == 0 { Wake::All } else { Wake::Nobody })
    })
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, _) = method_args(args, ("Queue.join", "join"), &[], 0)?;
    super::threading::note_wait(vm, BlockKind::Queue, None);
    queue_of(&q).state.wait_for(&mut vm.thread, BlockKind::Queue, None, |st| (st.unfinished == 0).then_some(()));
    Ok(Value::None)
}
