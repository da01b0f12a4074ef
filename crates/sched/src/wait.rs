//! [`Waitable`]: state that threads wait on, the building block of every sync object
//! (locks, thread completion, and later conditions, events and queues).
//!
//! A waiter checks the state only while it holds the GIL. Without the GIL it just
//! sleeps until a notification (or its timeout), then takes the GIL back and checks
//! again. So a thread woken by `Lock.release` cannot grab the lock behind the back of the
//! thread that holds the GIL: like CPython's locks, the running thread may take it
//! straight back, and lock ping-pong between cores (a context switch per acquire) is
//! avoided. A notification bumps a generation number, so none is lost between a failed
//! check and going to sleep.

use std::time::{Duration, Instant};

use parking_lot::{Condvar, MappedMutexGuard, Mutex, MutexGuard};

use crate::thread::{BlockKind, ThreadCtx};

struct Inner<S> {
    state: S,
    /// Bumped by every notification.
    generation: u64,
    /// Threads asleep in `wait_for` (a notification with none is free).
    sleepers: usize,
}

/// Whom an update of a [`Waitable`]'s state may let go on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wake {
    Nobody,
    One,
    All,
}

/// Rust-side state `S` plus a way to wait for it to change. The state's mutex is held
/// only for short, non-blocking sections and never while Python code runs.
pub struct Waitable<S> {
    inner: Mutex<Inner<S>>,
    cond: Condvar,
}

impl<S> Waitable<S> {
    pub const fn new(state: S) -> Waitable<S> {
        Waitable { inner: Mutex::new(Inner { state, generation: 0, sleepers: 0 }), cond: Condvar::new() }
    }

    /// The state, for a short non-blocking update. Call a `notify_*` afterwards if the
    /// update may let a waiter go on.
    pub fn lock(&self) -> MappedMutexGuard<'_, S> {
        MutexGuard::map(self.inner.lock(), |inner| &mut inner.state)
    }

    pub fn notify_one(&self) {
        self.update(|_| ((), Wake::One));
    }

    pub fn notify_all(&self) {
        self.update(|_| ((), Wake::All));
    }

    /// Updates the state and wakes whom `f` says, under one lock of the mutex.
    pub fn update<R>(&self, f: impl FnOnce(&mut S) -> (R, Wake)) -> R {
        let mut inner = self.inner.lock();
        let (result, wake) = f(&mut inner.state);
        if wake == Wake::Nobody {
            return result;
        }
        if let Some(sim) = crate::sim::global() {
            drop(inner);
            sim.notify(self.key(), wake == Wake::All);
            return result;
        }
        if inner.sleepers == 0 {
            return result;
        }
        inner.generation += 1;
        drop(inner);
        if wake == Wake::One {
            self.cond.notify_one();
        } else {
            self.cond.notify_all();
        }
        result
    }

    /// The identity the simulator knows this object by.
    fn key(&self) -> usize {
        self as *const Self as *const u8 as usize
    }

    /// Waits until `ready` returns `Some` or `timeout` passes (`None` waits forever),
    /// releasing the GIL while it sleeps. `ready` runs with the GIL held; on a timeout it
    /// gets a last look and its answer is returned.
    pub fn wait_for<R>(
        &self,
        thread: &mut ThreadCtx,
        kind: BlockKind,
        timeout: Option<Duration>,
        mut ready: impl FnMut(&mut S) -> Option<R>,
    ) -> Option<R> {
        if let Some(sim) = thread.sim().cloned() {
            // Virtual time: the deadline is on the thread's simulated clock.
            let now = sim.now(thread.info.id, thread.icount);
            let deadline = timeout.map(|t| now.saturating_add(u64::try_from(t.as_nanos()).unwrap_or(u64::MAX)));
            loop {
                if let Some(r) = ready(&mut self.inner.lock().state) {
                    return Some(r);
                }
                if deadline.is_some_and(|d| sim.now(thread.info.id, thread.icount) >= d) {
                    return None;
                }
                if sim.wait_on(thread.info.id, thread.icount, kind, self.key(), deadline) {
                    return ready(&mut self.inner.lock().state);
                }
            }
        }
        // A timeout too large for the clock is a wait forever.
        let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
        let forever = deadline.is_none();
        loop {
            let seen = {
                let mut inner = self.inner.lock();
                if let Some(r) = ready(&mut inner.state) {
                    return Some(r);
                }
                if deadline.is_some_and(|d| Instant::now() >= d) {
                    return None;
                }
                // Counted as a sleeper from here on, so that an update made before this
                // thread is actually asleep still bumps the generation.
                inner.sleepers += 1;
                inner.generation
            };
            if forever {
                self.register_forever(thread, seen);
            }
            let main = thread.info.id == 0;
            if main {
                // Ctrl-C wakes the main thread: a generation bump, as a notification.
                let me = self as *const Self as usize;
                crate::interrupt::set_waker(Some(Box::new(move || {
                    // SAFETY: the waker is removed before this wait returns.
                    let w = unsafe { &*(me as *const Waitable<S>) };
                    w.inner.lock().generation += 1;
                    w.cond.notify_all();
                })));
            }
            let timed_out = thread.allow_threads(kind, || {
                let mut inner = self.inner.lock();
                let mut timed_out = false;
                while inner.generation == seen && !timed_out && !(main && crate::interrupt::pending()) {
                    match deadline {
                        None => self.cond.wait(&mut inner),
                        Some(deadline) => timed_out = self.cond.wait_until(&mut inner, deadline).timed_out(),
                    }
                }
                inner.sleepers -= 1;
                timed_out && inner.generation == seen
            });
            if forever {
                thread.sched.detector.leave(thread.info.id);
            }
            if main {
                crate::interrupt::set_waker(None);
                if crate::interrupt::pending() {
                    // The caller turns the pending Ctrl-C into KeyboardInterrupt.
                    return None;
                }
            }
            if timed_out {
                return ready(&mut self.inner.lock().state);
            }
        }
    }

    /// Tells the deadlock detector this thread now waits here for good (until notified),
    /// having seen generation `seen`.
    fn register_forever(&self, thread: &ThreadCtx, seen: u64) {
        let me = self as *const Self as usize;
        // SAFETY (of the check below): the waiting thread holds a reference to this
        // Waitable until it leaves the detector, and the check runs only while it is
        // registered.
        let still_blocked = move || {
            let w = unsafe { &*(me as *const Waitable<S>) };
            w.inner.lock().generation == seen
        };
        let sched = thread.sched.clone();
        let wait = crate::deadlock::ForeverWait { thread: thread.info.id, still_blocked: Box::new(still_blocked) };
        sched.detector.enter(wait, || sched.threads());
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Duration;

    use super::*;
    use crate::{Config, Policy, Sched};

    /// Threads hammer one lock built on a Waitable, under a GIL that switches every few
    /// microseconds and with the GIL off; a lost wake-up would hang a thread forever.
    #[test]
    fn a_contended_lock_never_loses_a_wakeup() {
        for gil in [true, false] {
            // Fair handoff: `sleep(0)` then really passes the GIL to a waiting thread.
            let config = Config {
                gil,
                policy: Policy::Interval(Duration::from_micros(20)),
                handoff: crate::Handoff::Fair,
                ..Config::default()
            };
            let start = Arc::new(std::sync::Barrier::new(4));
            let sched = Sched::new(config);
            let lock = Arc::new(Waitable::new(false));
            let counter = Arc::new(std::sync::atomic::AtomicUsize::new(0));
            let (done_tx, done_rx) = std::sync::mpsc::channel();
            for _ in 0..4 {
                let (sched, lock, counter, done_tx) = (sched.clone(), lock.clone(), counter.clone(), done_tx.clone());
                let start = start.clone();
                std::thread::spawn(move || {
                    let mut ctx = sched.attach("worker".into());
                    start.wait();
                    ctx.take_gil();
                    for i in 0..5_000u64 {
                        let take = |l: &mut bool| (!*l).then(|| *l = true);
                        lock.wait_for(&mut ctx, BlockKind::Lock, None, take);
                        counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        // Let the others run (and queue up on the lock) while it is held.
                        ctx.icount = i * 300;
                        ctx.yield_if_due();
                        ctx.sleep(Duration::ZERO);
                        lock.update(|l| {
                            *l = false;
                            ((), Wake::One)
                        });
                    }
                    ctx.drop_gil();
                    done_tx.send(()).expect("main is waiting");
                });
            }
            for _ in 0..4 {
                done_rx.recv_timeout(Duration::from_secs(60)).expect("a thread hung waiting for the lock");
            }
            assert_eq!(counter.load(std::sync::atomic::Ordering::Relaxed), 20_000);
        }
    }
}
