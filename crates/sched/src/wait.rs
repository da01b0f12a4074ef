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
}

/// Rust-side state `S` plus a way to wait for it to change. The state's mutex is held
/// only for short, non-blocking sections and never while Python code runs.
pub struct Waitable<S> {
    inner: Mutex<Inner<S>>,
    cond: Condvar,
}

impl<S> Waitable<S> {
    pub const fn new(state: S) -> Waitable<S> {
        Waitable { inner: Mutex::new(Inner { state, generation: 0 }), cond: Condvar::new() }
    }

    /// The state, for a short non-blocking update. Call a `notify_*` afterwards if the
    /// update may let a waiter go on.
    pub fn lock(&self) -> MappedMutexGuard<'_, S> {
        MutexGuard::map(self.inner.lock(), |inner| &mut inner.state)
    }

    pub fn notify_one(&self) {
        self.inner.lock().generation += 1;
        self.cond.notify_one();
    }

    pub fn notify_all(&self) {
        self.inner.lock().generation += 1;
        self.cond.notify_all();
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
        // A timeout too large for the clock is a wait forever.
        let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
        loop {
            let seen = {
                let mut inner = self.inner.lock();
                if let Some(r) = ready(&mut inner.state) {
                    return Some(r);
                }
                inner.generation
            };
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return None;
            }
            let timed_out = thread.allow_threads(kind, || {
                let mut inner = self.inner.lock();
                while inner.generation == seen {
                    match deadline {
                        None => self.cond.wait(&mut inner),
                        Some(deadline) => {
                            if self.cond.wait_until(&mut inner, deadline).timed_out() {
                                return true;
                            }
                        }
                    }
                }
                false
            });
            if timed_out {
                return ready(&mut self.inner.lock().state);
            }
        }
    }
}
