//! `threading.Barrier` and `BrokenBarrierError`: a port of CPython's Barrier (filling,
//! draining, resetting and broken states) onto a [`Waitable`], so that waits release the
//! GIL and run in virtual time under `--sched sim`.

use std::any::Any;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use gilvm_sched::{BlockKind, Waitable, Wake};

use crate::errors::{value_error, PyErr, PyResult};
use crate::object::{Args, Class, NativeObject, TypeKind};
use crate::protocol;
use crate::value::Value;
use crate::vm::Vm;

use super::sync::{address, native_class, optional_timeout, set_constructor, this, without_class};

fn barrier_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    new_barrier(vm, without_class(args))
}

/// `threading.Barrier(parties, action=None, timeout=None)`.
pub struct Barrier {
    parties: u64,
    action: Value,
    timeout: Option<Duration>,
    state: Waitable<BarrierState>,
}

/// A port of CPython's `Barrier._state`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Phase {
    /// Threads arrive and wait for the round to fill.
    #[default]
    Filling,
    /// The round is complete: its threads leave, while new arrivals wait.
    Draining,
    /// `reset()` came during a round: its threads leave with BrokenBarrierError.
    Resetting,
    Broken,
}

#[derive(Default)]
struct BarrierState {
    /// Threads inside `wait` (CPython's `_count`): the current round's arrivals, or the
    /// threads still leaving it. The last one out of a drain or reset refills.
    count: u64,
    phase: Phase,
    /// The round's last thread is running the action. CPython runs it holding the
    /// barrier's lock, so threads arriving meanwhile wait, as they do while it drains.
    in_action: bool,
}

impl BarrierState {
    /// `n_waiting`: the threads waiting in the current round (0 while it drains, resets
    /// or is broken).
    fn n_waiting(&self) -> u64 {
        if self.phase == Phase::Filling {
            self.count
        } else {
            0
        }
    }

    /// CPython's `_exit`: one thread has left `wait`.
    fn leave(&mut self) -> Wake {
        self.count -= 1;
        if self.count == 0 && matches!(self.phase, Phase::Draining | Phase::Resetting) {
            self.phase = Phase::Filling;
            return Wake::All;
        }
        Wake::Nobody
    }
}

impl NativeObject for Barrier {
    fn class(&self) -> Arc<Class> {
        barrier_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self) -> Option<String> {
        let st = self.state.lock();
        if st.phase == Phase::Broken {
            return Some(format!("<threading.Barrier at {:#x}: broken>", address(self)));
        }
        Some(format!("<threading.Barrier at {:#x}: waiters={}/{}>", address(self), st.n_waiting(), self.parties))
    }
}

pub fn barrier_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let cls = native_class(
            "Barrier",
            "threading",
            &[("wait", barrier_wait), ("reset", barrier_reset), ("abort", barrier_abort)],
        );
        set_constructor(&cls, barrier_new);
        for (name, f) in [
            ("parties", barrier_parties as crate::object::BuiltinFn),
            ("n_waiting", barrier_n_waiting),
            ("broken", barrier_broken),
        ] {
            let desc = crate::object::DescriptorObj {
                desc: crate::sync::RwLock::new(crate::object::Descriptor::Property {
                    fget: crate::builtins::builtin(name, f),
                    fset: None,
                }),
            };
            cls.set_attr(name, Value::native(desc));
        }
        cls
    })
    .clone()
}

/// `threading.BrokenBarrierError`, a RuntimeError.
pub fn broken_barrier_error_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        crate::types::new_class(
            "BrokenBarrierError",
            Some(crate::types::types().exc("RuntimeError")),
            TypeKind::Exception,
            "threading",
        )
    })
    .clone()
}

fn broken_barrier() -> PyErr {
    crate::errors::new_exception_of(&broken_barrier_error_class(), Vec::new())
}

pub fn new_barrier(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut p =
        crate::modules::bind_method("Barrier.__init__", args, &["parties", "action", "timeout"], 1, 3)?.into_iter();
    let parties = protocol::as_int(&p.next().flatten().expect("required"))?;
    if parties < 1 {
        return Err(value_error("parties must be > 0"));
    }
    let action = p.next().flatten().unwrap_or(Value::None);
    let timeout = optional_timeout(p.next().flatten().as_ref())?;
    Ok(Value::native(Barrier {
        parties: parties as u64,
        action,
        timeout,
        state: Waitable::new(BarrierState::default()),
    }))
}

/// `Barrier.wait(timeout=None)`, after CPython's: wait while the barrier drains (or
/// runs its action), arrive, then either run the action and release the round, or wait
/// for the round to be released; every thread that arrived leaves through
/// [`BarrierState::leave`].
fn barrier_wait(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    this::<Barrier>(&args, "Barrier", "wait")?;
    let this = args.pos.remove(0);
    let mut p = crate::modules::bind_method("Barrier.wait", args, &["timeout"], 0, 1)?.into_iter();
    let barrier = crate::object::downcast::<Barrier>(&this).expect("checked above");
    let timeout = match p.next().flatten() {
        Some(t) if !t.is_none() => optional_timeout(Some(&t))?,
        _ => barrier.timeout,
    };
    super::note_wait(vm, BlockKind::Barrier, None);
    let arrived = barrier.state.wait_for(&mut vm.thread, BlockKind::Barrier, None, |st| {
        if st.in_action || matches!(st.phase, Phase::Draining | Phase::Resetting) {
            return None;
        }
        if st.phase == Phase::Broken {
            return Some(None);
        }
        st.count += 1;
        Some(Some(st.count - 1))
    });
    // (None: Ctrl-C, which the caller turns into KeyboardInterrupt.)
    let Some(Some(index)) = arrived else { return Err(broken_barrier()) };
    let result =
        if index + 1 == barrier.parties { release_round(vm, barrier) } else { wait_for_round(vm, barrier, timeout) };
    barrier.state.update(|st| ((), st.leave()));
    result.map(|()| Value::Int(index as i64))
}

/// The last thread of a round: runs the action, then lets the round go (or breaks the
/// barrier if the action raised).
fn release_round(vm: &mut Vm, barrier: &Barrier) -> PyResult<()> {
    if !barrier.action.is_none() {
        barrier.state.lock().in_action = true;
        let result = vm.call(&barrier.action, Args::new(Vec::new()));
        barrier.state.update(|st| {
            st.in_action = false;
            if result.is_err() {
                st.phase = Phase::Broken;
            }
            ((), Wake::All)
        });
        result?;
    }
    barrier.state.update(|st| {
        // An abort() or reset() during the action wins, as it would take CPython's
        // lock right after the action.
        if st.phase == Phase::Filling {
            st.phase = Phase::Draining;
        }
        ((), Wake::All)
    });
    Ok(())
}

/// Waits until the round is released; a timeout breaks the barrier. A thread whose
/// timeout passes while the action runs waits for it to end, as CPython's waiter must
/// take the barrier's lock back (from the action's thread) before it looks again.
fn wait_for_round(vm: &mut Vm, barrier: &Barrier, timeout: Option<Duration>) -> PyResult<()> {
    let released = |st: &mut BarrierState| (st.phase != Phase::Filling).then_some(st.phase == Phase::Draining);
    let mut outcome = barrier.state.wait_for(&mut vm.thread, BlockKind::Barrier, timeout, released);
    if outcome.is_none() && barrier.state.lock().in_action {
        let after_action = |st: &mut BarrierState| (!st.in_action).then_some(st.phase == Phase::Draining);
        outcome = barrier.state.wait_for(&mut vm.thread, BlockKind::Barrier, None, after_action);
    }
    match outcome {
        Some(true) => Ok(()),
        Some(false) => Err(broken_barrier()),
        None => {
            barrier.state.update(|st| {
                st.phase = Phase::Broken;
                ((), Wake::All)
            });
            Err(broken_barrier())
        }
    }
}

fn barrier_reset(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::modules::only_self("Barrier.reset", &args)?;
    let barrier = this::<Barrier>(&args, "Barrier", "reset")?;
    barrier.state.update(|st| {
        // Threads waiting now leave with BrokenBarrierError; the last one out refills.
        st.phase = if st.count > 0 && matches!(st.phase, Phase::Filling | Phase::Broken) {
            Phase::Resetting
        } else if st.count > 0 {
            st.phase
        } else {
            Phase::Filling
        };
        ((), Wake::All)
    });
    Ok(Value::None)
}

fn barrier_abort(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::modules::only_self("Barrier.abort", &args)?;
    this::<Barrier>(&args, "Barrier", "abort")?.state.update(|st| {
        st.phase = Phase::Broken;
        ((), Wake::All)
    });
    Ok(Value::None)
}

fn barrier_parties(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this::<Barrier>(&args, "Barrier", "parties")?.parties as i64))
}

fn barrier_n_waiting(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = this::<Barrier>(&args, "Barrier", "n_waiting")?.state.lock().n_waiting();
    Ok(Value::Int(n as i64))
}

fn barrier_broken(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::bool(this::<Barrier>(&args, "Barrier", "broken")?.state.lock().phase == Phase::Broken))
}
