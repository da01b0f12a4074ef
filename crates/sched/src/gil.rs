//! The global interpreter lock of the real scheduler, after CPython's ceval_gil.c.
//!
//! The GIL is a flag (`locked`, `holder`) behind a mutex, plus a queue of waiting threads
//! in arrival order, each with its own condition variable so that a release wakes one
//! chosen thread instead of all of them.
//!
//! * Time slice (CPython 3): the waiter at the head of the queue waits up to the switch
//!   interval; if no switch happened meanwhile it sets `drop_request`, which the holder
//!   sees at its next safe point. After such a forced drop the holder waits until another
//!   thread has taken the GIL before it competes again (CPython's FORCE_SWITCHING). Only
//!   the head waits with a timeout (CPython lets every waiter time out; one is enough to
//!   raise the request, and 10,000 waiting threads then cost no timer wake-ups).
//! * Instruction count (Python 2): the holder offers the GIL every N instructions.
//! * Greedy handoff: a release just clears `locked` and wakes the head waiter; whoever
//!   locks first wins, often the releasing thread itself (the "GIL battle").
//! * Fair handoff: a release passes the GIL straight to the head waiter.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::{Condvar, Mutex, MutexGuard};

use crate::config::Handoff;

/// A thread waiting for the GIL.
struct Waiter {
    id: usize,
    cond: Arc<Condvar>,
}

struct GilState {
    locked: bool,
    /// The thread holding the GIL (meaningful while `locked`).
    holder: usize,
    /// The thread that took the GIL last; a switch is a change of it.
    last_holder: usize,
    /// Counts switches (changes of holder), as in CPython.
    switch_number: u64,
    queue: VecDeque<Waiter>,
    /// Threads blocked in a forced-switch wait.
    switch_waiters: usize,
    /// Set at interpreter exit: nobody may take the GIL any more.
    closed: bool,
}

pub(crate) struct Gil {
    state: Mutex<GilState>,
    /// Signalled whenever the holder changes (for forced switching).
    switch_cond: Condvar,
    /// Set by a waiter whose interval ran out; read by the holder at safe points.
    pub drop_request: AtomicBool,
    /// How many threads are queued for the GIL (read without the mutex).
    pub waiting: AtomicUsize,
    pub switches: AtomicU64,
    handoff: Handoff,
}

impl Gil {
    pub fn new(handoff: Handoff) -> Gil {
        Gil {
            state: Mutex::new(GilState {
                locked: false,
                holder: usize::MAX,
                last_holder: usize::MAX,
                switch_number: 0,
                queue: VecDeque::new(),
                switch_waiters: 0,
                closed: false,
            }),
            switch_cond: Condvar::new(),
            drop_request: AtomicBool::new(false),
            waiting: AtomicUsize::new(0),
            switches: AtomicU64::new(0),
            handoff,
        }
    }

    /// Takes the GIL for thread `me`, waiting as long as it takes. Under the time-slice
    /// policy (`timeslice`), a waiter at the head of the queue raises a drop request when
    /// the slice has passed without a switch. Returns whether the thread had to wait.
    pub fn take(&self, me: usize, cond: &Arc<Condvar>, timeslice: Option<Duration>) -> bool {
        let mut s = self.state.lock();
        if s.closed {
            Self::park_forever(s, cond);
        }
        if !s.locked && (self.handoff == Handoff::Greedy || s.queue.is_empty()) {
            self.grab(&mut s, me);
            return false;
        }
        s.queue.push_back(Waiter { id: me, cond: cond.clone() });
        self.waiting.fetch_add(1, Ordering::Relaxed);
        loop {
            if s.closed {
                Self::park_forever(s, cond);
            }
            match self.handoff {
                // A fair release already made us the holder and dequeued us.
                // (Nobody holds the GIL while waiting for it, so `holder == me` says it all.)
                Handoff::Fair if s.locked && s.holder == me => {
                    return true;
                }
                Handoff::Greedy if !s.locked => {
                    let pos = s.queue.iter().position(|w| w.id == me).expect("a waiter stays queued until it wins");
                    s.queue.remove(pos);
                    self.waiting.fetch_sub(1, Ordering::Relaxed);
                    if pos == 0 {
                        self.wake_head(&s);
                    }
                    self.grab(&mut s, me);
                    return true;
                }
                _ => {}
            }
            let is_head = s.queue.front().map(|w| w.id) == Some(me);
            if let (true, Some(slice)) = (is_head, timeslice) {
                let saved = s.switch_number;
                let timed_out = cond.wait_for(&mut s, slice.max(Duration::from_nanos(1))).timed_out();
                if timed_out && s.locked && s.switch_number == saved && s.holder != me {
                    self.drop_request.store(true, Ordering::Relaxed);
                }
            } else {
                cond.wait(&mut s);
            }
        }
    }

    /// Releases the GIL held by `me`. With `forced` (a drop request was honoured), waits
    /// until another thread has taken it, so that the releasing thread cannot win it
    /// straight back (CPython's FORCE_SWITCHING).
    pub fn release(&self, me: usize, forced: bool) {
        let mut s = self.state.lock();
        debug_assert!(s.locked && s.holder == me, "releasing a GIL this thread does not hold");
        if self.handoff == Handoff::Fair && !s.closed {
            if let Some(next) = s.queue.pop_front() {
                self.waiting.fetch_sub(1, Ordering::Relaxed);
                self.grab(&mut s, next.id);
                next.cond.notify_one();
                self.wake_head(&s);
                return;
            }
        }
        s.locked = false;
        s.holder = usize::MAX;
        self.wake_head(&s);
        if forced && s.last_holder == me && !s.queue.is_empty() {
            self.drop_request.store(false, Ordering::Relaxed);
            s.switch_waiters += 1;
            let saved = s.switch_number;
            while s.switch_number == saved && !s.queue.is_empty() && !s.closed {
                self.switch_cond.wait(&mut s);
            }
            s.switch_waiters -= 1;
        }
    }

    /// Releases and retakes the GIL if anybody is waiting for it (the instruction-count
    /// policy's offer). Returns whether the thread had to wait to get it back.
    pub fn offer(&self, me: usize, cond: &Arc<Condvar>) -> bool {
        self.release(me, false);
        self.take(me, cond, None)
    }

    /// Closes the GIL for good while `me` holds it: at interpreter exit, other threads
    /// (daemons) that try to take it block forever instead of running more bytecode.
    pub fn close(&self) {
        self.state.lock().closed = true;
    }

    fn grab(&self, s: &mut GilState, me: usize) {
        s.locked = true;
        s.holder = me;
        if s.last_holder != me {
            if s.last_holder != usize::MAX {
                self.switches.fetch_add(1, Ordering::Relaxed);
            }
            s.last_holder = me;
            s.switch_number += 1;
            if s.switch_waiters > 0 {
                self.switch_cond.notify_all();
            }
        }
        self.drop_request.store(false, Ordering::Relaxed);
    }

    /// Wakes the head waiter: it may take a free GIL, or becomes the one that times out.
    fn wake_head(&self, s: &GilState) {
        if let Some(w) = s.queue.front() {
            w.cond.notify_one();
        }
    }

    fn park_forever(mut s: MutexGuard<'_, GilState>, cond: &Condvar) -> ! {
        loop {
            cond.wait(&mut s);
        }
    }
}
