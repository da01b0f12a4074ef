//! Generators: a suspended frame, with its slice of the value stack, kept in an object.
//!
//! Frames live on the heap and a frame's locals and operands sit in the thread's value
//! stack above `frame.base`, so suspending is moving: `RETURN_GENERATOR` and
//! `YIELD_VALUE` take the frame off `vm.frames` and its stack slice (and any exceptions
//! its `except` clauses are handling) into the generator, with depths made relative.
//! [`resume`] moves them back on top of whatever thread resumes it, rebases them, and
//! runs the frame until it yields (the loop returns with `vm.yielded` set), returns, or
//! raises. A generator is not tied to a thread; one that is running says so to any
//! other caller ("generator already executing"), as in CPython.
//!
//! What differs from CPython: a suspended generator that is dropped is not closed, so
//! its `finally` blocks do not run; and `throw()`/`close()` on a generator suspended in
//! `yield from` act on the outer generator only.

use std::any::Any;
use std::sync::{Arc, OnceLock};

use crate::errors::{new_exception, runtime_error, type_error, value_error, PyErr, PyResult};
use crate::object::{Args, Class, NativeObject, TypeKind};
use crate::sync::Mutex;
use crate::value::Value;
use crate::vm::{Frame, Vm};

pub struct Generator {
    /// `f` or `<genexpr>` and the qualified name that `repr` shows.
    qualname: Arc<str>,
    state: Mutex<State>,
}

enum State {
    Suspended(Box<Saved>),
    Running,
    Finished,
}

/// A suspended frame. `frame.base`, block depths and exception depths are relative to
/// the start of `stack` and `excs`. While the generator runs, `resume` keeps the box and
/// its (empty) vectors, so a yield allocates nothing.
struct Saved {
    /// `None` only while running.
    frame: Option<Frame>,
    /// The callee slot, the locals and the operands.
    stack: Vec<Value>,
    /// Exceptions that the frame's `except` clauses are handling.
    excs: Vec<Value>,
    /// Whether the body has started (a generator that has not takes only `None`).
    started: bool,
}

/// How a resumption ended, short of an exception.
pub enum Resumed {
    Yielded(Value),
    Returned(Value),
}

impl NativeObject for Generator {
    fn class(&self) -> Arc<Class> {
        generator_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self) -> Option<String> {
        Some(format!("<generator object {} at {:#x}>", self.qualname, self as *const Generator as usize))
    }
}

/// `RETURN_GENERATOR`: turns the innermost frame (just pushed for a call of a generator
/// function, its arguments bound) into a generator object.
pub fn create(vm: &mut Vm) -> Value {
    let exc_base = vm.exc_stack.len();
    let mut saved = Box::new(Saved { frame: None, stack: Vec::new(), excs: Vec::new(), started: false });
    suspend(vm, exc_base, &mut saved);
    let qualname = saved.frame.as_ref().expect("just suspended").func.code.co.qualname.clone();
    Value::native(Generator { qualname, state: Mutex::new(State::Suspended(saved)) })
}

/// Takes the innermost frame and what belongs to it off the thread, into `saved`.
fn suspend(vm: &mut Vm, exc_base: usize, saved: &mut Saved) {
    let mut frame = vm.frames.pop().expect("a generator frame is running");
    let start = frame.base - 1;
    saved.stack.extend(vm.stack.drain(start..));
    saved.excs.extend(vm.exc_stack.drain(exc_base.min(vm.exc_stack.len())..));
    frame.base -= start;
    for b in &mut frame.blocks {
        b.depth -= start as u32;
        b.exc_depth = b.exc_depth.saturating_sub(exc_base as u32);
    }
    saved.frame = Some(frame);
}

/// The generator behind a value, if it is one.
pub fn as_generator(v: &Value) -> Option<&Generator> {
    crate::object::downcast::<Generator>(v)
}

/// Runs the generator until it yields or finishes: `send(sent)`, or `throw(exc)` when
/// `exc` is given.
pub fn resume(vm: &mut Vm, gen: &Generator, sent: Value, exc: Option<PyErr>) -> PyResult<Resumed> {
    let saved = {
        let mut st = gen.state.lock();
        match std::mem::replace(&mut *st, State::Running) {
            State::Suspended(saved) => saved,
            State::Running => {
                *st = State::Running;
                return Err(value_error("generator already executing"));
            }
            State::Finished => {
                *st = State::Finished;
                return match exc {
                    Some(e) => Err(e),
                    None => Ok(Resumed::Returned(Value::None)),
                };
            }
        }
    };
    if !saved.started && exc.is_none() && !sent.is_none() {
        *gen.state.lock() = State::Suspended(saved);
        return Err(type_error("can't send non-None value to a just-started generator"));
    }
    if vm.frames.len() >= vm.recursion_limit || vm.native_stack_exhausted() {
        *gen.state.lock() = State::Suspended(saved);
        return Err(crate::errors::recursion_error());
    }
    let mut saved = saved;
    let mut frame = saved.frame.take().expect("a suspended generator has its frame");
    let start = vm.stack.len();
    let exc_base = vm.exc_stack.len();
    frame.base += start;
    for b in &mut frame.blocks {
        b.depth += start as u32;
        b.exc_depth += exc_base as u32;
    }
    vm.stack.append(&mut saved.stack);
    vm.exc_stack.append(&mut saved.excs);
    vm.frames.push(frame);
    let depth = vm.frames.len();
    let result = match exc {
        None => {
            vm.stack.push(sent);
            vm.run_frames(depth)
        }
        Some(err) => vm.throw_into(err, depth),
    };
    if std::mem::take(&mut vm.yielded) {
        suspend(vm, exc_base, &mut saved);
        saved.started = true;
        *gen.state.lock() = State::Suspended(saved);
        return result.map(Resumed::Yielded);
    }
    // The frame is gone (returned or raised out of).
    vm.exc_stack.truncate(exc_base);
    *gen.state.lock() = State::Finished;
    match result {
        Ok(v) => Ok(Resumed::Returned(v)),
        Err(e) if e.matches("StopIteration") => {
            // PEP 479: a StopIteration escaping a generator would end the caller's loop
            // by accident.
            let err = runtime_error("generator raised StopIteration");
            if let Some(state) = &err.0.exc {
                let mut st = state.lock();
                st.cause = Some(e.value());
                st.context = Some(e.value());
                st.suppress_context = true;
            }
            Err(err)
        }
        Err(e) => Err(e),
    }
}

/// `next(gen)` for the iteration protocol: `None` once the generator has finished.
pub fn next(vm: &mut Vm, gen: &Generator) -> PyResult<Option<Value>> {
    match resume(vm, gen, Value::None, None)? {
        Resumed::Yielded(v) => Ok(Some(v)),
        Resumed::Returned(_) => Ok(None),
    }
}

/// StopIteration carrying a generator's return value (no args for None, as CPython).
pub fn stop_iteration(value: Value) -> PyErr {
    if value.is_none() {
        crate::errors::stop_iteration()
    } else {
        new_exception("StopIteration", vec![value])
    }
}

fn yielded_or_stop(r: Resumed) -> PyResult<Value> {
    match r {
        Resumed::Yielded(v) => Ok(v),
        Resumed::Returned(v) => Err(stop_iteration(v)),
    }
}

pub fn generator_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let cls = crate::types::new_class(
            "generator",
            Some(crate::types::types().object.clone()),
            TypeKind::Native,
            "builtins",
        );
        crate::methods::add_method(&cls, "__iter__", |_, args| Ok(args.pos.first().cloned().unwrap_or(Value::None)));
        crate::methods::add_method(&cls, "__next__", gen_next);
        crate::methods::add_method(&cls, "send", gen_send);
        crate::methods::add_method(&cls, "throw", gen_throw);
        crate::methods::add_method(&cls, "close", gen_close);
        cls
    })
    .clone()
}

/// The generator a method was called on, and the other arguments.
fn this(args: &mut Args, name: &str, min: usize, max: usize) -> PyResult<Value> {
    let recv = crate::methods::receiver(args, "generator", name, min, max)?;
    if as_generator(&recv).is_none() {
        return Err(type_error(format!(
            "descriptor '{name}' for 'generator' objects doesn't apply to a '{}' object",
            crate::ops::type_name(&recv)
        )));
    }
    Ok(recv)
}

fn gen_next(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let g = this(&mut args, "__next__", 0, 0)?;
    let gen = as_generator(&g).expect("checked by this()");
    yielded_or_stop(resume(vm, gen, Value::None, None)?)
}

fn gen_send(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let g = this(&mut args, "send", 1, 1)?;
    let gen = as_generator(&g).expect("checked by this()");
    let sent = args.pos.pop().unwrap_or(Value::None);
    yielded_or_stop(resume(vm, gen, sent, None)?)
}

/// `throw(exc)`, `throw(type)` or `throw(type, value)` (the traceback argument is
/// accepted and ignored).
fn gen_throw(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let g = this(&mut args, "throw", 1, 3)?;
    let gen = as_generator(&g).expect("checked by this()");
    let mut pos = args.pos.into_iter();
    let typ = pos.next().unwrap_or(Value::None);
    let val = pos.next().unwrap_or(Value::None);
    let err = match (&typ, &val) {
        (Value::Class(c), Value::None) if c.kind == TypeKind::Exception => {
            crate::eval::make_exception(vm, typ.clone())?
        }
        (Value::Class(c), v) if c.kind == TypeKind::Exception => {
            if crate::protocol::class_of(v).is_subclass(c) {
                crate::eval::make_exception(vm, val.clone())?
            } else {
                let inst = crate::call::instantiate(vm, c, Args::new(vec![val.clone()]))?;
                crate::eval::make_exception(vm, inst)?
            }
        }
        (Value::Instance(i), Value::None) if i.exc.is_some() => crate::eval::make_exception(vm, typ.clone())?,
        (Value::Instance(i), _) if i.exc.is_some() => {
            return Err(type_error("instance exception may not have a separate value"));
        }
        _ => {
            return Err(type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                crate::ops::type_name(&typ)
            )));
        }
    };
    yielded_or_stop(resume(vm, gen, Value::None, Some(err))?)
}

fn gen_close(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let g = this(&mut args, "close", 0, 0)?;
    let gen = as_generator(&g).expect("checked by this()");
    {
        // A generator that never started has no code to run: it just finishes.
        let mut st = gen.state.lock();
        match &*st {
            State::Suspended(saved) if !saved.started => {
                *st = State::Finished;
                return Ok(Value::None);
            }
            State::Finished => return Ok(Value::None),
            _ => {}
        }
    }
    match resume(vm, gen, Value::None, Some(new_exception("GeneratorExit", Vec::new()))) {
        Ok(Resumed::Yielded(_)) => Err(runtime_error("generator ignored GeneratorExit")),
        Ok(Resumed::Returned(_)) => Ok(Value::None),
        Err(e) if e.matches("GeneratorExit") || e.matches("StopIteration") => Ok(Value::None),
        Err(e) => Err(e),
    }
}
