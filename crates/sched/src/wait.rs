//! [`Waitable`]: state that threads wait on, the building block of every sync object
//! (locks, thread completion, and later conditions, events and queues).

use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex, MutexGuard};

use crate::thread::{BlockKind, ThreadCtx};

/// Rust-side state `S` plus a way to wait for it to change. The state's mutex is held
/// only for short, non-blocking sections and never while Python code runs.
pub struct Waitable<S> {
    state: Mutex<S>,
    cond: Condvar,
}

impl<S> Waitable<S> {
    pub const fn new(state: S) -> Waitable<S> {
        Waitable { state: Mutex::new(state), cond: Condvar::new() }
    }

    /// The state, for a short non-blocking update. Call a `notify_*` afterwards if the
    /// update may let a waiter go on.
    pub fn lock(&self) -> MutexGuard<'_, S> {
        self.state.lock()
    }

    pub fn notify_one(&self) {
        self.cond.notify_one();
    }

    pub fn notify_all(&self) {
        self.cond.notify_all();
    }

    /// Waits until `ready` returns `Some` (checked under the state's mutex) or `timeout`
    /// passes (`None` waits forever), releasing the GIL while it waits. On a timeout,
    /// `ready` gets a last look and its answer is returned.
    pub fn wait_for<R>(
        &self,
        thread: &mut ThreadCtx,
        kind: BlockKind,
        timeout: Option<Duration>,
        mut ready: impl FnMut(&mut S) -> Option<R>,
    ) -> Option<R> {
        if let Some(r) = ready(&mut self.state.lock()) {
            return Some(r);
        }
        if timeout == Some(Duration::ZERO) {
            return None;
        }
        // A timeout too large for the clock is a wait forever.
        let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
        thread.allow_threads(kind, || {
            let mut state = self.state.lock();
            loop {
                if let Some(r) = ready(&mut state) {
                    return Some(r);
                }
                match deadline {
                    None => self.cond.wait(&mut state),
                    Some(deadline) => {
                        if self.cond.wait_until(&mut state, deadline).timed_out() {
                            return ready(&mut state);
                        }
                    }
                }
            }
        })
    }
}
