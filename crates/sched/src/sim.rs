//! The simulated scheduler (`--sched sim`): a discrete-event simulation on a virtual
//! clock that runs the same bytecode under the same GIL rules, reproducibly.
//!
//! Every VM thread is still an OS thread, but only one of them runs at any real moment:
//! the holder of the *baton*. The simulator decides who gets the baton next, so every
//! run with the same program, flags and seed makes the same decisions. Each thread has a
//! virtual clock: an instruction costs `instr_ns`, a sleep or timeout advances to its
//! deadline, console or file I/O costs `io_ns`.
//!
//! * GIL on: the baton holder is the GIL holder. Threads that want the GIL are `Ready`
//!   and queue for it. Under the time-slice policy the first waiter's interval runs from
//!   when it started waiting (or the last switch); when the holder's clock passes it, the
//!   holder is forced to switch at its next safe point. Under the instruction policy the
//!   holder offers the GIL every N instructions: with greedy handoff on a machine of 2 or
//!   more cores it usually wins the GIL straight back (the waiter is still waking up),
//!   but the waiter wins one offer in [`BATTLE_ODDS`], as it does now and then under the
//!   real scheduler; otherwise the waiter gets it.
//! * GIL off: threads run in parallel on `cores` simulated cores. The runnable thread
//!   with the smallest clock runs next, for at most a quantum of virtual time ahead of the
//!   others; with more runnable threads than cores each instruction costs proportionally
//!   more (processor sharing).
//! * When nothing can run and no deadline is pending, every thread is blocked for good:
//!   the simulator reports a deadlock and ends the process.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use parking_lot::{Condvar, Mutex, MutexGuard};

use crate::config::{Handoff, Policy};
use crate::thread::{BlockKind, ThreadInfo};

/// The simulator's settings (`--instr-ns`, `--cores`, `--seed`, `--io-ns`).
#[derive(Clone, Debug)]
pub struct SimConfig {
    pub instr_ns: u64,
    pub cores: u32,
    pub seed: Option<u64>,
    pub io_ns: u64,
}

/// Calibrated against CPython 3.11 on the benchmark programs (see docs/gil.md).
pub const DEFAULT_INSTR_NS: u64 = 5;
pub const DEFAULT_CORES: u32 = 4;
pub const DEFAULT_IO_NS: u64 = 20_000;

/// With the GIL off, how far (virtual ns) a thread may run ahead of the thread with the
/// smallest clock before it hands over the baton.
const QUANTUM_NS: u64 = 50_000;

/// The most instructions between two calls of the safe point. Threads become ready
/// inside builtins too (a new thread, a released lock), which the running thread's
/// countdown cannot know about; it notices within this many instructions.
const MAX_CHECK_GAP: u64 = 2_000;

/// Under the instruction policy with greedy handoff, the waiter wins one GIL offer in
/// this many: the 1,000th in a row, or with `--seed` each one with this chance. The real
/// scheduler's waiters win one offer in about 500 to 2,000 (`--switch-interval` 1000 and
/// 100 on `programs/gil/cpu_bound.py`); a waiter that never won would starve a thread
/// that spins until another thread has run.
const BATTLE_ODDS: u64 = 1_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Holds the baton (and the GIL, when it is on).
    Running,
    /// Wants to run: waiting for the GIL (or, GIL off, for a core).
    Ready,
    /// In `time.sleep` or paying for I/O, until the deadline.
    Sleeping,
    /// Waiting on a `Waitable` (key), with an optional deadline.
    Waiting,
    Done,
}

struct SimThread {
    state: State,
    /// Virtual time in ns.
    clock: u64,
    /// The instruction count at the last clock update.
    synced_icount: u64,
    /// When it became Ready (its place in the GIL queue).
    ready_since: u64,
    /// Its key in `SimState::ready` while Ready.
    ready_key: u64,
    /// Its place among the waiters on `key` while Waiting.
    wait_seq: u64,
    deadline: Option<u64>,
    key: usize,
    /// Why the last wait ended.
    timed_out: bool,
    kind: BlockKind,
    cond: Arc<Condvar>,
    info: Arc<ThreadInfo>,
    /// When it last took the GIL (for the held-time statistic).
    held_since: u64,
    /// The instruction count when it last took the GIL (the instruction policy's slice).
    slice_start: u64,
}

struct SimState {
    threads: Vec<SimThread>,
    /// Ready threads in the order they get to run: by when they became ready (GIL on) or
    /// by clock (GIL off), then by id.
    ready: BTreeSet<(u64, usize)>,
    /// Deadlines of sleeping and timed waiting threads.
    timers: BTreeSet<(u64, usize)>,
    /// Threads waiting on each key, in arrival order.
    waiters: HashMap<usize, BTreeSet<(u64, usize)>>,
    next_seq: u64,
    /// The baton holder.
    running: usize,
    /// When the GIL last changed hands (a waiter's interval restarts then).
    last_switch: u64,
    /// GIL offers the holder has won back since the GIL last changed hands.
    offers_won_back: u64,
    switches: u64,
    rng: u64,
}

pub struct Sim {
    state: Mutex<SimState>,
    pub config: SimConfig,
    gil: bool,
    handoff: Handoff,
}

static GLOBAL: OnceLock<Arc<Sim>> = OnceLock::new();

/// The simulator of this process, if `--sched sim` is on (sync objects notify it).
pub fn global() -> Option<&'static Arc<Sim>> {
    GLOBAL.get()
}

const NOBODY: usize = usize::MAX;

impl Sim {
    pub fn install(config: SimConfig, gil: bool, handoff: Handoff) -> Arc<Sim> {
        let seed = config.seed.unwrap_or(0);
        let sim = Arc::new(Sim {
            state: Mutex::new(SimState {
                threads: Vec::new(),
                ready: BTreeSet::new(),
                timers: BTreeSet::new(),
                waiters: HashMap::new(),
                next_seq: 0,
                running: NOBODY,
                last_switch: 0,
                offers_won_back: 0,
                switches: 0,
                rng: seed ^ 0x9e37_79b9_7f4a_7c15,
            }),
            config,
            gil,
            handoff,
        });
        let _ = GLOBAL.set(sim.clone());
        sim
    }

    /// Registers a thread (its id is its index). The first one (the main thread) starts
    /// running; later ones become Ready at their creator's time.
    pub fn attach(&self, info: Arc<ThreadInfo>, cond: Arc<Condvar>) {
        let mut st = self.state.lock();
        assert_eq!(st.threads.len(), info.id, "threads attach in id order");
        let now = if st.running == NOBODY { 0 } else { st.threads[st.running].clock };
        let first = st.threads.is_empty();
        st.threads.push(SimThread {
            state: State::Running,
            clock: now,
            synced_icount: 0,
            ready_since: now,
            ready_key: 0,
            wait_seq: 0,
            deadline: None,
            key: 0,
            timed_out: false,
            kind: BlockKind::Sleep,
            cond,
            info,
            held_since: now,
            slice_start: 0,
        });
        let id = st.threads.len() - 1;
        if first {
            st.running = 0;
            st.threads[0].info.stats.lock().acquisitions += 1;
        } else {
            self.make_ready(&mut st, id, now);
        }
    }

    /// Blocks the calling OS thread until the simulator gives it the baton.
    pub fn start(&self, me: usize) {
        let mut st = self.state.lock();
        Self::wait_for_baton(&mut st, me);
    }

    /// The virtual time of thread `me`, after counting its instructions so far.
    pub fn now(&self, me: usize, icount: u64) -> u64 {
        let mut st = self.state.lock();
        self.sync(&mut st, me, icount);
        st.threads[me].clock
    }

    /// The safe point: processes events up to this thread's clock and switches if the
    /// policy says so. Returns the instruction count of the next check.
    pub fn safe_point(&self, me: usize, icount: u64, policy: Policy, pending_io: &mut u64) -> u64 {
        if *pending_io > 0 {
            let cost = std::mem::take(pending_io);
            self.sleep(me, icount, BlockKind::Io, cost);
        }
        let mut st = self.state.lock();
        self.sync(&mut st, me, icount);
        let now = st.threads[me].clock;
        self.wake_due(&mut st, now);
        if self.gil {
            match policy {
                Policy::Interval(interval) => {
                    if self.drop_time(&st, interval).is_some_and(|drop_at| now >= drop_at) {
                        // A forced switch: the holder cannot win the GIL straight back.
                        self.release(&mut st, me, true);
                        let next = self.pick_ready(&mut st, Some(me)).expect("a waiter asked for the GIL");
                        self.hand_over(&mut st, me, next, now);
                        Self::wait_for_baton(&mut st, me);
                    }
                }
                Policy::Instructions(n) => {
                    if !st.ready.is_empty() && icount.saturating_sub(st.threads[me].slice_start) >= n {
                        self.release(&mut st, me, true);
                        if self.handoff == Handoff::Greedy && self.config.cores >= 2 && !self.waiter_wins(&mut st) {
                            // The GIL battle: the waiter is still waking up when the
                            // releasing thread takes the GIL back.
                            self.take(&mut st, me, now);
                            st.threads[me].slice_start = icount;
                        } else {
                            let next = self.pick_ready(&mut st, Some(me)).expect("a thread is ready");
                            self.hand_over(&mut st, me, next, now);
                            Self::wait_for_baton(&mut st, me);
                        }
                    }
                }
            }
        } else if st.ready.first().is_some_and(|&(behind, _)| behind + QUANTUM_NS < now) {
            // GIL off: stay within a quantum of the thread that is furthest behind.
            let next = self.pick_ready(&mut st, Some(me)).expect("a thread is ready");
            self.hand_over(&mut st, me, next, now);
            Self::wait_for_baton(&mut st, me);
        }
        self.next_check(&st, me, icount, policy)
    }

    /// Blocks the running thread for `ns` of virtual time (a sleep, or the cost of I/O).
    pub fn sleep(&self, me: usize, icount: u64, kind: BlockKind, ns: u64) {
        self.wait(me, icount, kind, Some(ns), 0, None);
    }

    /// Waits on `key` (a `Waitable`'s address) until notified, or until `deadline`.
    /// Returns whether the wait timed out.
    pub fn wait_on(&self, me: usize, icount: u64, kind: BlockKind, key: usize, deadline: Option<u64>) -> bool {
        self.wait(me, icount, kind, None, key, deadline)
    }

    fn wait(
        &self,
        me: usize,
        icount: u64,
        kind: BlockKind,
        sleep: Option<u64>,
        key: usize,
        deadline: Option<u64>,
    ) -> bool {
        let mut st = self.state.lock();
        self.sync(&mut st, me, icount);
        let now = st.threads[me].clock;
        let seq = st.next_seq;
        st.next_seq += 1;
        {
            let t = &mut st.threads[me];
            t.kind = kind;
            t.timed_out = false;
            match sleep {
                Some(d) => {
                    t.state = State::Sleeping;
                    t.deadline = Some(now.saturating_add(d));
                }
                None => {
                    t.state = State::Waiting;
                    t.key = key;
                    t.wait_seq = seq;
                    t.deadline = deadline;
                }
            }
        }
        if sleep.is_none() {
            st.waiters.entry(key).or_default().insert((seq, me));
        }
        if let Some(d) = st.threads[me].deadline {
            st.timers.insert((d, me));
        }
        self.release(&mut st, me, false);
        self.run_next(&mut st, me, now);
        Self::wait_for_baton(&mut st, me);
        let t = &mut st.threads[me];
        let blocked = t.ready_since.saturating_sub(now);
        t.info.stats.lock().blocked[kind as usize] += Duration::from_nanos(blocked);
        t.synced_icount = icount;
        t.timed_out
    }

    /// `time.sleep(0)`: offers the GIL to the waiting threads.
    pub fn yield_now(&self, me: usize, icount: u64) {
        let mut st = self.state.lock();
        self.sync(&mut st, me, icount);
        let now = st.threads[me].clock;
        self.wake_due(&mut st, now);
        if st.ready.is_empty() {
            return;
        }
        self.release(&mut st, me, false);
        let next = self.pick_ready(&mut st, Some(me)).expect("checked above");
        self.hand_over(&mut st, me, next, now);
        Self::wait_for_baton(&mut st, me);
    }

    /// Wakes threads waiting on `key`: one (the longest waiter) or all.
    pub fn notify(&self, key: usize, all: bool) {
        let mut st = self.state.lock();
        let now = if st.running == NOBODY { 0 } else { st.threads[st.running].clock };
        let woken: Vec<usize> = match st.waiters.get_mut(&key) {
            Some(set) if all => std::mem::take(set).into_iter().map(|(_, i)| i).collect(),
            Some(set) => set.pop_first().map(|(_, i)| i).into_iter().collect(),
            None => Vec::new(),
        };
        if st.waiters.get(&key).is_some_and(|set| set.is_empty()) {
            st.waiters.remove(&key);
        }
        for i in woken {
            if let Some(d) = st.threads[i].deadline.take() {
                st.timers.remove(&(d, i));
            }
            let at = st.threads[i].clock.max(now);
            st.threads[i].clock = at;
            self.make_ready(&mut st, i, at);
        }
    }

    /// The thread is finishing: passes the baton on for good.
    pub fn finish(&self, me: usize, icount: u64) {
        let mut st = self.state.lock();
        self.sync(&mut st, me, icount);
        let now = st.threads[me].clock;
        self.release(&mut st, me, false);
        st.threads[me].state = State::Done;
        self.run_next(&mut st, me, now);
    }

    /// At exit: brings the main thread's statistics up to date (it keeps the baton).
    pub fn final_stats(&self, me: usize, icount: u64) {
        let mut st = self.state.lock();
        self.sync(&mut st, me, icount);
        self.release(&mut st, me, false);
        let t = &mut st.threads[me];
        t.held_since = t.clock;
    }

    /// How many times the GIL changed hands.
    pub fn switches(&self) -> u64 {
        self.state.lock().switches
    }

    /// The latest virtual time any thread reached (the simulated wall time).
    pub fn wall(&self) -> u64 {
        self.state.lock().threads.iter().map(|t| t.clock).max().unwrap_or(0)
    }

    // ----- internals -----

    /// Adds the instructions executed since the last call to the thread's clock.
    fn sync(&self, st: &mut SimState, me: usize, icount: u64) {
        let runnable = st.ready.len() as u64 + 1;
        let t = &mut st.threads[me];
        let executed = icount.saturating_sub(t.synced_icount);
        t.synced_icount = icount;
        let mut cost = executed.saturating_mul(self.config.instr_ns);
        if !self.gil && runnable > self.config.cores as u64 {
            // Processor sharing: more runnable threads than cores.
            cost = cost.saturating_mul(runnable) / self.config.cores as u64;
        }
        t.clock = t.clock.saturating_add(cost);
    }

    /// Puts thread `i` in the ready queue, ready since `since`.
    fn make_ready(&self, st: &mut SimState, i: usize, since: u64) {
        let t = &mut st.threads[i];
        t.state = State::Ready;
        t.ready_since = since;
        t.ready_key = if self.gil { since } else { t.clock };
        let key = (t.ready_key, i);
        st.ready.insert(key);
    }

    /// Moves sleepers and timed-out waiters whose deadline is at or before `now` to Ready.
    fn wake_due(&self, st: &mut SimState, now: u64) {
        while let Some(&(d, i)) = st.timers.first() {
            if d > now {
                break;
            }
            st.timers.pop_first();
            let t = &mut st.threads[i];
            t.deadline = None;
            t.clock = t.clock.max(d);
            if t.state == State::Waiting {
                t.timed_out = true;
                let (key, seq) = (t.key, t.wait_seq);
                if let Some(set) = st.waiters.get_mut(&key) {
                    set.remove(&(seq, i));
                    if set.is_empty() {
                        st.waiters.remove(&key);
                    }
                }
            }
            self.make_ready(st, i, d);
        }
    }

    /// Under the time-slice policy: when the holder must drop the GIL, if anyone waits.
    fn drop_time(&self, st: &SimState, interval: Duration) -> Option<u64> {
        let &(first, _) = st.ready.first()?;
        Some(first.max(st.last_switch).saturating_add(interval.as_nanos() as u64))
    }

    /// The instruction count at which the running thread must call the safe point again.
    fn next_check(&self, st: &SimState, me: usize, icount: u64, policy: Policy) -> u64 {
        let now = st.threads[me].clock;
        let mut next_time = st.timers.first().map(|&(d, _)| d);
        let mut consider = |t: u64| next_time = Some(next_time.map_or(t, |n| n.min(t)));
        if self.gil {
            if let Policy::Interval(interval) = policy {
                if let Some(d) = self.drop_time(st, interval) {
                    consider(d);
                }
            }
        } else if let Some(&(behind, _)) = st.ready.first() {
            consider(behind + QUANTUM_NS + 1);
        }
        let mut check = match next_time {
            Some(t) if t > now => icount + (t - now).div_ceil(self.config.instr_ns.max(1)),
            Some(_) => icount + 1,
            None => u64::MAX,
        };
        if let (true, Policy::Instructions(n)) = (self.gil, policy) {
            check = check.min(st.threads[me].slice_start + n);
        }
        check.clamp(icount + 1, icount + MAX_CHECK_GAP)
    }

    /// Records that `me` lets go of the GIL (statistics only; the baton moves separately).
    fn release(&self, st: &mut SimState, me: usize, forced: bool) {
        let t = &mut st.threads[me];
        let now = t.clock;
        let mut stats = t.info.stats.lock();
        stats.held += Duration::from_nanos(now.saturating_sub(t.held_since));
        stats.instructions = t.synced_icount;
        if self.gil {
            if forced {
                stats.forced_releases += 1;
            } else if matches!(t.state, State::Sleeping | State::Waiting) {
                stats.voluntary_releases += 1;
            }
        }
    }

    /// Whether the waiter wins this GIL offer of the battle (see [`BATTLE_ODDS`]).
    fn waiter_wins(&self, st: &mut SimState) -> bool {
        st.offers_won_back += 1;
        match self.config.seed {
            None => st.offers_won_back >= BATTLE_ODDS,
            Some(_) => next_random(&mut st.rng).is_multiple_of(BATTLE_ODDS),
        }
    }

    /// `me` (Running) takes the GIL back at `now`.
    fn take(&self, st: &mut SimState, me: usize, now: u64) {
        let t = &mut st.threads[me];
        t.state = State::Running;
        t.held_since = now;
        t.info.stats.lock().acquisitions += 1;
    }

    /// Chooses the next thread to run among the Ready ones (other than `except`): the
    /// first in the ready queue, or with `--seed` (greedy handoff) a pseudo-random one
    /// among those that could run next.
    fn pick_ready(&self, st: &mut SimState, except: Option<usize>) -> Option<usize> {
        let mut queue = st.ready.iter().filter(|&&(_, i)| Some(i) != except);
        let &(first_key, first) = queue.next()?;
        if self.config.seed.is_none() || self.handoff != Handoff::Greedy {
            return Some(first);
        }
        // GIL on: any waiter may win; GIL off: any of the threads furthest behind.
        let candidates: Vec<usize> = std::iter::once(first)
            .chain(queue.take_while(|&&(k, _)| self.gil || k == first_key).map(|&(_, i)| i))
            .collect();
        let r = next_random(&mut st.rng);
        Some(candidates[(r % candidates.len() as u64) as usize])
    }

    /// Gives the baton (and GIL) from `me` to `next` at time `now`.
    fn hand_over(&self, st: &mut SimState, me: usize, next: usize, now: u64) {
        if st.threads[me].state == State::Running && next != me {
            self.make_ready(st, me, now);
        }
        let key = (st.threads[next].ready_key, next);
        st.ready.remove(&key);
        let t = &mut st.threads[next];
        let waited = now.saturating_sub(t.ready_since.min(now));
        if self.gil {
            t.clock = t.clock.max(now);
        }
        t.state = State::Running;
        t.held_since = t.clock;
        t.slice_start = t.synced_icount;
        {
            let mut stats = t.info.stats.lock();
            stats.acquisitions += 1;
            if self.gil {
                stats.waiting += Duration::from_nanos(waited);
            }
        }
        if self.gil && next != me {
            st.switches += 1;
            st.last_switch = now;
            st.offers_won_back = 0;
        }
        st.running = next;
        st.threads[next].cond.notify_one();
    }

    /// `me` has stopped running (blocked or done): runs the next thread, advancing the
    /// clock to the next deadline when nobody is ready. Ends the process on a deadlock.
    fn run_next(&self, st: &mut MutexGuard<'_, SimState>, me: usize, now: u64) {
        self.wake_due(st, now);
        if st.ready.is_empty() {
            // Nobody can run now: jump to the earliest deadline.
            match st.timers.first() {
                Some(&(d, _)) => self.wake_due(st, d),
                None => self.deadlock(st),
            }
        }
        let next = self.pick_ready(st, None).expect("a thread is ready");
        let at = if self.gil { now.max(st.threads[next].ready_since) } else { st.threads[next].clock };
        self.hand_over(st, me, next, at);
    }

    fn deadlock(&self, st: &SimState) -> ! {
        let infos: Vec<Arc<ThreadInfo>> = st.threads.iter().map(|t| t.info.clone()).collect();
        let text = crate::deadlock::describe(&infos, |id| st.threads[id].state == State::Waiting);
        crate::deadlock::report(&text)
    }

    fn wait_for_baton(st: &mut MutexGuard<'_, SimState>, me: usize) {
        let cond = st.threads[me].cond.clone();
        while st.running != me {
            cond.wait(st);
        }
    }
}

/// splitmix64: the simulator's reproducible choices.
fn next_random(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
