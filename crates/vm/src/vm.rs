//! The per-thread interpreter state ([`Vm`]), frames, and the calling convention.
//!
//! Interpreter-wide state lives in [`Interp`] behind one `Arc`; each OS thread that runs
//! bytecode owns a `Vm` with its value stack, frame stack and the exceptions it is
//! handling. Frames live in a `Vec` on the heap, and Python-to-Python calls push a frame
//! instead of recursing in Rust, so deep Python recursion ends in RecursionError.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use parking_lot::Mutex;

use crate::dict::Dict;
use crate::errors::{recursion_error, type_error, PyErr, PyResult};
use crate::object::{Args, Code, Function, TbEntry};
#[allow(unused_imports)]
use crate::value::Cell as _;
use crate::value::{Cell, Value};

/// State shared by every thread of one interpreter.
pub struct Interp {
    pub builtins: Arc<Dict>,
    /// `sys.modules`: builtin modules are created on first import.
    pub modules: Mutex<std::collections::HashMap<String, Value>>,
    /// Source text by filename, for tracebacks.
    pub sources: Mutex<std::collections::HashMap<Arc<str>, Arc<str>>>,
    pub recursion_limit: AtomicUsize,
    pub io: crate::io::Io,
    pub argv: Vec<String>,
    /// Boxed: its 2.5 KB of state would otherwise sit in the stack frame of every
    /// `random` function (stack that a thread then keeps).
    pub random: Mutex<Option<Box<crate::modules::mt::Mt19937>>>,
    /// Builtins the dispatch loop recognises by identity and runs without building
    /// `Args` (CPython 3.11 specializes the same calls).
    pub fast: FastBuiltins,
    /// Who runs when: the GIL and its policy.
    pub sched: Arc<gilvm_sched::Sched>,
    /// Python-level thread state: `threading`'s registry of running threads.
    pub threads: crate::modules::threading::Registry,
}

/// See [`Interp::fast`].
pub struct FastBuiltins {
    pub len: Option<Arc<crate::object::Builtin>>,
    pub list_append: Option<Arc<crate::object::Builtin>>,
}

impl Interp {
    pub fn new(argv: Vec<String>, unbuffered: bool, sched: Arc<gilvm_sched::Sched>) -> Arc<Interp> {
        let builtins = Arc::new(Dict::new());
        crate::builtins::install(&builtins);
        let as_builtin = |v: Option<Value>| match v {
            Some(Value::Builtin(b)) => Some(b),
            _ => None,
        };
        let fast = FastBuiltins {
            len: as_builtin(builtins.get_str("len")),
            list_append: as_builtin(crate::types::types().list.lookup("append")),
        };
        let interp = Arc::new(Interp {
            fast,
            builtins,
            modules: Mutex::new(Default::default()),
            sources: Mutex::new(Default::default()),
            recursion_limit: AtomicUsize::new(1000),
            io: crate::io::Io::new(unbuffered),
            argv,
            random: Mutex::new(None),
            sched,
            threads: Default::default(),
        });
        interp
    }

    pub fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        let sources = self.sources.lock();
        let src = sources.get(filename)?;
        src.lines().nth(line.checked_sub(1)? as usize).map(|l| l.to_string())
    }
}

/// An exception handler pushed by `SetupFinally`.
#[derive(Clone, Copy)]
pub struct Block {
    pub handler: u32,
    /// Absolute value-stack depth to cut back to.
    pub depth: u32,
    /// Depth of the handled-exception stack to cut back to.
    pub exc_depth: u32,
}

pub struct Frame {
    /// The running function (module code and class bodies run as functions too); it
    /// owns the code and the globals, so a frame costs one reference count.
    pub func: Arc<Function>,
    /// The class namespace while a class body runs.
    pub ns: Option<Arc<Dict>>,
    pub ip: usize,
    /// Index of the first local in the value stack; the slot below it is the callee's.
    pub base: usize,
    pub cells: Vec<Arc<Cell>>,
    pub blocks: Vec<Block>,
    /// A unique id, so a traceback lists a frame once however often it re-raises.
    pub id: u64,
}

/// One thread's interpreter.
pub struct Vm {
    pub interp: Arc<Interp>,
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    /// Exceptions being handled (innermost last): what a bare `raise` re-raises.
    pub exc_stack: Vec<Value>,
    /// Instructions until the next safe point does its work.
    pub ticks: u32,
    next_frame_id: u64,
    /// Objects being repr'd, to print `[...]` for self-containing containers.
    pub repr_guard: Vec<usize>,
    /// A copy of `sys.getrecursionlimit()` (kept in step by `sys.setrecursionlimit`).
    pub recursion_limit: usize,
    /// Set by an explicit `raise X`: the raising frame gets a traceback entry even if
    /// the exception already passed through it, and `__context__` is (re)set, as in
    /// CPython. Re-raises (`raise`, `finally`, `with`) leave both alone.
    pub explicit_raise: bool,
    /// How deep native recursion (repr or comparison of nested containers) currently
    /// is; it counts against the recursion limit together with the frames.
    pub native_depth: usize,
    /// This thread's handle on the scheduler: the GIL, blocking calls, statistics.
    pub thread: gilvm_sched::ThreadCtx,
    /// The dispatch loop's mode (`eval::FAST`, `COUNTING` or `ANY_POINT`), fixed by the
    /// scheduler configuration.
    pub mode: u8,
    /// This thread's `threading.Thread` object, once known.
    pub thread_obj: Option<Value>,
    /// The lowest Rust stack address native re-entry may reach (0: unchecked).
    pub stack_floor: usize,
    /// Set by `YIELD_VALUE` as it leaves the dispatch loop: the frame is suspended, not
    /// finished (see [`crate::generator::resume`]).
    pub yielded: bool,
}

/// Roughly where the Rust stack pointer is now.
#[inline(always)]
pub fn stack_pointer() -> usize {
    let marker = 0u8;
    std::ptr::addr_of!(marker) as usize
}

/// How many safe points pass between checks for pending work.
pub const TICKS: u32 = 100;

impl Vm {
    /// A VM for a thread registered with the interpreter's scheduler (it does not hold
    /// the GIL yet).
    pub fn new(interp: Arc<Interp>, thread: gilvm_sched::ThreadCtx) -> Vm {
        let config = &interp.sched.config;
        let mode = if config.gil && config.switch_points == gilvm_sched::SwitchPoints::Any {
            crate::eval::ANY_POINT
        } else if config.counts_instructions() {
            crate::eval::COUNTING
        } else {
            crate::eval::FAST
        };
        Vm {
            thread,
            mode,
            thread_obj: None,
            stack_floor: 0,
            interp: interp.clone(),
            // Empty to start with: a program may run 10,000 threads, and most need a
            // few values and one or two frames.
            stack: Vec::new(),
            frames: Vec::new(),
            exc_stack: Vec::new(),
            ticks: TICKS,
            next_frame_id: 0,
            repr_guard: Vec::new(),
            recursion_limit: interp.recursion_limit.load(Ordering::Relaxed),
            explicit_raise: false,
            native_depth: 0,
            yielded: false,
        }
    }

    /// The one place where a thread may pause between instructions: reached on backward
    /// jumps and calls when `ticks` runs out.
    #[cold]
    pub fn safe_point(&mut self) -> PyResult<()> {
        self.ticks = TICKS;
        self.thread.yield_if_due();
        self.check_interrupt()
    }

    /// Turns a pending Ctrl-C into KeyboardInterrupt, in the main thread only (as CPython
    /// delivers signals).
    pub fn check_interrupt(&mut self) -> PyResult<()> {
        if self.thread.info.id == 0 && gilvm_sched::interrupt::pending() && gilvm_sched::interrupt::take() {
            return Err(crate::errors::new_exception("KeyboardInterrupt", Vec::new()));
        }
        Ok(())
    }

    /// Ends a thread other than the main one: drops its values while it still holds the
    /// GIL, then releases the GIL for good.
    pub fn finish_thread(&mut self) {
        self.stack.clear();
        self.frames.clear();
        self.exc_stack.clear();
        self.thread_obj = None;
        self.thread.drop_gil();
    }

    /// Whether native re-entry (a builtin calling back into Python, a repr of nested
    /// data) must stop: the OS thread's stack is nearly used up. Threads other than the
    /// main one have small stacks, so the recursion limit alone cannot protect them.
    pub fn native_stack_exhausted(&self) -> bool {
        self.stack_floor != 0 && stack_pointer() < self.stack_floor
    }

    /// Runs a blocking call with the GIL released (see [`gilvm_sched::ThreadCtx::allow_threads`]).
    pub fn allow_threads<R>(&mut self, kind: gilvm_sched::BlockKind, f: impl FnOnce() -> R) -> R {
        self.thread.allow_threads(kind, f)
    }

    // ----- frames -----

    /// Pushes a frame whose locals already sit at `stack[base..]` (parameters filled in,
    /// the rest to be padded with `Unbound`).
    pub fn push_frame(&mut self, func: Arc<Function>, base: usize) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit {
            self.stack.truncate(base.saturating_sub(1));
            return Err(recursion_error());
        }
        let code = &func.code;
        let nlocals = code.nlocals;
        if self.stack.len() < base + nlocals {
            self.stack.resize(base + nlocals, Value::Unbound);
        }
        let cells = if code.has_cells { Some(self.make_cells(&func, base)) } else { None };
        self.next_frame_id += 1;
        let id = self.next_frame_id;
        if self.frames.len() == self.frames.capacity() {
            self.grow_frames();
        }
        let slot = self.frames.spare_capacity_mut()[0].as_mut_ptr();
        // SAFETY: `slot` is the reserved, unused element after the last frame; every field
        // is written before the length grows to cover it. Writing the fields one by one
        // (instead of `push` of a built `Frame`) keeps the compiler from assembling the
        // frame on the stack with narrow stores and copying it with wide loads, a
        // store-forwarding stall that cost about 6% of call-heavy programs.
        unsafe {
            std::ptr::addr_of_mut!((*slot).func).write(func);
            std::ptr::addr_of_mut!((*slot).ns).write(None);
            std::ptr::addr_of_mut!((*slot).ip).write(0);
            std::ptr::addr_of_mut!((*slot).base).write(base);
            // Written in each branch: a `Vec` built in a local first is copied with the
            // same kind of stall.
            match cells {
                None => std::ptr::addr_of_mut!((*slot).cells).write(Vec::new()),
                Some(cells) => std::ptr::addr_of_mut!((*slot).cells).write(cells),
            }
            std::ptr::addr_of_mut!((*slot).blocks).write(Vec::new());
            std::ptr::addr_of_mut!((*slot).id).write(id);
            self.frames.set_len(self.frames.len() + 1);
        }
        Ok(())
    }

    /// Room for one more frame. A thread's first frame gets room for itself alone (a
    /// thread that calls one function and sleeps keeps no more); after that the stack
    /// of frames doubles.
    #[cold]
    #[inline(never)]
    fn grow_frames(&mut self) {
        let more = if self.frames.is_empty() { 1 } else { self.frames.len().max(3) };
        self.frames.reserve_exact(more);
    }

    /// The cells of a new frame of `func`: fresh cells (those of parameters take the
    /// argument out of its local slot), then the closure's cells.
    #[inline(never)]
    fn make_cells(&mut self, func: &Function, base: usize) -> Vec<Arc<Cell>> {
        let code = &func.code;
        let mut cells: Vec<Arc<Cell>> = code.co.cellvars.iter().map(|_| Arc::new(Cell::new(Value::Unbound))).collect();
        for &(cell, param) in &code.co.cell_params {
            let v = std::mem::replace(&mut self.stack[base + param as usize], Value::Unbound);
            cells[cell as usize] = Arc::new(Cell::new(v));
        }
        cells.extend(func.closure.iter().cloned());
        cells
    }

    /// Pushes a frame for `func` called with `args` (binding them to parameters).
    pub fn push_function_frame(&mut self, func: &Arc<Function>, args: Args) -> PyResult<()> {
        // The callee slot below the locals (a placeholder: the caller has consumed it).
        self.stack.push(Value::None);
        let base = self.stack.len();
        if let Err(e) = crate::call::bind_args(self, func, args) {
            self.stack.truncate(base - 1);
            return Err(e);
        }
        self.push_frame(func.clone(), base)
    }

    /// Calls any callable from Rust and returns its result.
    pub fn call(&mut self, callee: &Value, args: Args) -> PyResult<Value> {
        match callee {
            Value::Function(f) => {
                if self.native_stack_exhausted() {
                    return Err(recursion_error());
                }
                let f = f.clone();
                self.push_function_frame(&f, args)?;
                let depth = self.frames.len();
                self.run_frames(depth)
            }
            _ => crate::call::call_other(self, callee, args),
        }
    }

    /// Shorthand for calling with positional arguments only.
    pub fn call_pos(&mut self, callee: &Value, pos: Vec<Value>) -> PyResult<Value> {
        self.call(callee, Args::new(pos))
    }

    /// Runs a module's code object with `globals` as its namespace.
    pub fn run_module_code(&mut self, code: Arc<Code>, globals: Arc<Dict>) -> PyResult<Value> {
        self.stack.push(Value::None);
        let base = self.stack.len();
        let func = Function::for_module(code, globals);
        self.push_frame(Arc::new(func), base)?;
        let depth = self.frames.len();
        self.run_frames(depth)
    }

    /// Runs frames until the frame at depth `entry_depth` returns, handling exceptions
    /// with the frames' handler blocks along the way.
    pub fn run_frames(&mut self, entry_depth: usize) -> PyResult<Value> {
        loop {
            let result = match self.mode {
                crate::eval::FAST => crate::eval::run::<{ crate::eval::FAST }>(self, entry_depth),
                crate::eval::COUNTING => crate::eval::run::<{ crate::eval::COUNTING }>(self, entry_depth),
                _ => crate::eval::run::<{ crate::eval::ANY_POINT }>(self, entry_depth),
            };
            match result {
                Ok(v) => return Ok(v),
                Err(e) => self.unwind(e, entry_depth)?,
            }
        }
    }

    /// Raises `err` in the innermost frame (a resumed generator, at its `yield`) and runs
    /// on from its handler, if it has one, until the frame at `entry_depth` returns.
    pub fn throw_into(&mut self, err: PyErr, entry_depth: usize) -> PyResult<Value> {
        self.unwind(err, entry_depth)?;
        self.run_frames(entry_depth)
    }

    /// Finds a handler for `err`: records traceback entries, pops frames without a
    /// handler, and resumes at the innermost handler at or above `entry_depth`.
    fn unwind(&mut self, err: PyErr, entry_depth: usize) -> PyResult<()> {
        let mut explicit = std::mem::take(&mut self.explicit_raise);
        self.set_context(&err, explicit);
        loop {
            let frame = self.frames.last_mut().expect("unwinding always has a frame");
            let ip = frame.ip.saturating_sub(1);
            let co = &frame.func.code.co;
            if let Some(state) = &err.0.exc {
                let mut st = state.lock();
                if explicit || st.traceback.last().map(|t| t.frame_id) != Some(frame.id) {
                    st.traceback.push(TbEntry {
                        filename: co.filename.clone(),
                        name: co.name.clone(),
                        line: co.lines.get(ip).copied().unwrap_or(co.first_line),
                        span: co.spans.get(ip).copied().unwrap_or_default(),
                        frame_id: frame.id,
                    });
                }
            }
            explicit = false;
            if let Some(block) = frame.blocks.pop() {
                frame.ip = block.handler as usize;
                self.stack.truncate(block.depth as usize);
                self.exc_stack.truncate(block.exc_depth as usize);
                self.exc_stack.push(err.value());
                self.stack.push(err.value());
                return Ok(());
            }
            let frame = self.frames.pop().expect("checked above");
            self.stack.truncate(frame.base.saturating_sub(1));
            if self.frames.len() < entry_depth {
                return Err(err);
            }
        }
    }

    /// Sets `__context__` on a newly raised exception from the one being handled.
    fn set_context(&self, err: &PyErr, explicit: bool) {
        let Some(top) = self.exc_stack.last() else {
            return;
        };
        let Value::Instance(top_inst) = top else {
            return;
        };
        if Arc::ptr_eq(top_inst, &err.0) {
            return;
        }
        if let Some(state) = &err.0.exc {
            let mut st = state.lock();
            if explicit || (st.context.is_none() && st.traceback.is_empty()) {
                // Avoid a cycle when the handled exception already chains to this one.
                let mut cur = Some(top.clone());
                let mut depth = 0;
                while let Some(Value::Instance(c)) = cur {
                    if Arc::ptr_eq(&c, &err.0) || depth > 100 {
                        return;
                    }
                    depth += 1;
                    cur = c.exc.as_ref().and_then(|s| s.lock().context.clone());
                }
                st.context = Some(top.clone());
            }
        }
    }

    /// The globals of the innermost frame (the main module's before any frame runs).
    pub fn current_globals(&self) -> Option<Arc<Dict>> {
        self.frames.last().map(|f| f.func.globals.clone())
    }

    pub fn type_error<T>(&self, msg: impl Into<String>) -> PyResult<T> {
        Err(type_error(msg))
    }
}
