//! The scheduler shared by all threads ([`Sched`]) and each thread's handle on it
//! ([`ThreadCtx`]): taking and dropping the GIL, the safe point, the blocking-call
//! wrapper, and the bookkeeping behind `--stats`.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use crate::config::{Config, Policy};
use crate::gil::Gil;
use crate::stats::ThreadStats;

/// How often (in instructions) a counting thread polls for a drop request under the
/// time-slice policy.
const POLL_INSTRUCTIONS: u64 = 200;

/// What a blocking call is waiting for (reported in statistics).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// `time.sleep`.
    Sleep,
    /// A lock or another sync object.
    Lock,
    /// `Thread.join`.
    Join,
    /// Console or file I/O.
    Io,
    /// `Condition.wait`.
    Condition,
    /// `Event.wait`.
    Event,
    /// `Semaphore.acquire`.
    Semaphore,
    /// `Barrier.wait`.
    Barrier,
    /// `Queue.get`, `put` and `join`.
    Queue,
}

/// A thread as the scheduler knows it; outlives the thread, for the statistics.
pub struct ThreadInfo {
    /// Small and sequential: 0 is the main thread.
    pub id: usize,
    /// The name shown in statistics (kept in step with `Thread.name`).
    pub name: Mutex<String>,
    pub stats: Mutex<ThreadStats>,
    /// What the thread waits for without a timeout, and where (for deadlock reports);
    /// set by the VM before such a wait.
    pub waiting: Mutex<Option<crate::deadlock::WaitNote>>,
}

/// Scheduler state shared by every thread of one interpreter.
pub struct Sched {
    pub config: Config,
    /// `None` when the GIL is off (and under the simulator, which models its own).
    gil: Option<Gil>,
    /// The simulated scheduler (`--sched sim`).
    pub sim: Option<Arc<crate::sim::Sim>>,
    /// The instruction-count policy's N, or 0 under the time-slice policy.
    instructions: AtomicU64,
    /// The time slice in nanoseconds (kept with the GIL off too, for getswitchinterval).
    interval_ns: AtomicU64,
    threads: Mutex<Vec<Arc<ThreadInfo>>>,
    next_id: AtomicUsize,
    /// Waits without a timeout, for deadlock detection under the real scheduler.
    pub(crate) detector: crate::deadlock::Detector,
    pub started: Instant,
}

impl Sched {
    pub fn new(config: Config) -> Arc<Sched> {
        let (interval, instructions) = match config.policy {
            Policy::Interval(d) => (Some(d), 0),
            Policy::Instructions(n) => (None, n),
        };
        let sim = config.sim.clone().map(|s| crate::sim::Sim::install(s, config.gil, config.handoff));
        let gil = (config.gil && sim.is_none()).then(|| Gil::new(config.handoff));
        Arc::new(Sched {
            config,
            gil,
            sim,
            instructions: AtomicU64::new(instructions),
            interval_ns: AtomicU64::new(interval.unwrap_or(crate::DEFAULT_INTERVAL).as_nanos() as u64),
            threads: Mutex::new(Vec::new()),
            next_id: AtomicUsize::new(0),
            detector: Default::default(),
            started: Instant::now(),
        })
    }

    /// Registers a new thread. It does not hold the GIL yet: call [`ThreadCtx::take_gil`].
    pub fn attach(self: &Arc<Sched>, name: String) -> ThreadCtx {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let info = Arc::new(ThreadInfo {
            id,
            name: Mutex::new(name),
            stats: Mutex::new(ThreadStats::default()),
            waiting: Mutex::new(None),
        });
        self.detector.live.fetch_add(1, Ordering::SeqCst);
        self.threads.lock().push(info.clone());
        let cond = Arc::new(Condvar::new());
        if let Some(sim) = &self.sim {
            sim.attach(info.clone(), cond.clone());
        }
        ThreadCtx {
            sched: self.clone(),
            info,
            cond,
            pending_io: 0,
            icount: 0,
            check_at: 0,
            slice_start: 0,
            held_since: None,
        }
    }

    pub fn gil_enabled(&self) -> bool {
        self.config.gil
    }

    /// `sys.setswitchinterval`: switches to the time-slice policy with this interval.
    pub fn set_switch_interval(&self, interval: Duration) {
        self.interval_ns.store(interval.as_nanos().max(1) as u64, Ordering::Relaxed);
        self.instructions.store(0, Ordering::Relaxed);
    }

    /// `sys.getswitchinterval`: the time slice (CPython's default while an instruction
    /// policy is in force).
    pub fn switch_interval(&self) -> Duration {
        Duration::from_nanos(self.interval_ns.load(Ordering::Relaxed))
    }

    /// The policy in force now.
    pub fn policy(&self) -> Policy {
        match self.instructions.load(Ordering::Relaxed) {
            0 => Policy::Interval(self.switch_interval()),
            n => Policy::Instructions(n),
        }
    }

    /// Every thread that has run so far, in start order.
    pub fn threads(&self) -> Vec<Arc<ThreadInfo>> {
        self.threads.lock().clone()
    }

    /// How many times the GIL changed hands.
    pub fn switches(&self) -> u64 {
        if let Some(sim) = &self.sim {
            return sim.switches();
        }
        self.gil.as_ref().map_or(0, |g| g.switches.load(Ordering::Relaxed))
    }

    /// The wall time so far: real, or the simulator's virtual time.
    pub fn wall(&self) -> Duration {
        match &self.sim {
            Some(sim) => Duration::from_nanos(sim.wall()),
            None => self.started.elapsed(),
        }
    }
}

/// One thread's handle on the scheduler, owned by its VM.
pub struct ThreadCtx {
    pub sched: Arc<Sched>,
    pub info: Arc<ThreadInfo>,
    /// This thread's own condition variable for GIL waits (used with the GIL's mutex).
    cond: Arc<Condvar>,
    /// Instructions executed (counted only when the configuration asks for it).
    pub icount: u64,
    /// The instruction count at which a counting dispatch loop calls the safe point.
    pub check_at: u64,
    /// `icount` when this thread last took the GIL (the instruction policy's slice).
    slice_start: u64,
    held_since: Option<Instant>,
    /// Under the simulator: I/O cost (ns) not yet charged; charged at the next safe point,
    /// when the thread holds no Rust lock.
    pending_io: u64,
}

impl ThreadCtx {
    /// Takes the GIL (a no-op with the GIL off): at thread start and after blocking.
    pub fn take_gil(&mut self) {
        if let Some(sim) = &self.sched.sim {
            sim.start(self.info.id);
            return;
        }
        let sched = self.sched.clone();
        let Some(gil) = &sched.gil else { return };
        let start = Instant::now();
        let timeslice = match sched.policy() {
            Policy::Interval(slice) => Some(slice),
            Policy::Instructions(_) => None,
        };
        let waited = gil.take(self.info.id, &self.cond, timeslice);
        self.got_gil(start, waited);
    }

    /// Releases the GIL for good: the thread is finishing.
    pub fn drop_gil(&mut self) {
        self.sched.detector.live.fetch_sub(1, Ordering::SeqCst);
        if let Some(sim) = &self.sched.sim {
            sim.finish(self.info.id, self.icount);
            return;
        }
        let sched = self.sched.clone();
        if let Some(gil) = &sched.gil {
            self.record_release(false, false);
            gil.release(self.info.id, false);
        } else {
            self.info.stats.lock().instructions = self.icount;
        }
    }

    /// At interpreter exit, called by the main thread while it holds the GIL: no other
    /// thread runs bytecode after this. Returns this thread's final statistics update.
    pub fn close_gil(&mut self) {
        if let Some(sim) = &self.sched.sim {
            sim.final_stats(self.info.id, self.icount);
            return;
        }
        self.record_release(false, false);
        if let Some(gil) = &self.sched.gil {
            gil.close();
        }
    }

    /// The safe point: gives up the GIL if the policy says it is due. The dispatch loop
    /// calls it on backward jumps and calls (or between any two instructions with
    /// `--switch-points any`) when its countdown runs out; it also sets the next
    /// `check_at` for counting loops.
    #[cold]
    pub fn yield_if_due(&mut self) {
        if let Some(sim) = &self.sched.sim {
            let policy = self.sched.policy();
            self.check_at = sim.clone().safe_point(self.info.id, self.icount, policy, &mut self.pending_io);
            return;
        }
        let sched = self.sched.clone();
        let Some(gil) = &sched.gil else {
            self.check_at = u64::MAX;
            return;
        };
        let n = sched.instructions.load(Ordering::Relaxed);
        if n > 0 {
            if self.icount.wrapping_sub(self.slice_start) >= n {
                self.slice_start = self.icount;
                if gil.waiting.load(Ordering::Relaxed) > 0 {
                    self.record_release(true, false);
                    let start = Instant::now();
                    let waited = gil.offer(self.info.id, &self.cond);
                    self.got_gil(start, waited);
                }
            }
            self.check_at = self.slice_start + n;
        } else {
            if gil.drop_request.load(Ordering::Relaxed) {
                self.record_release(true, false);
                gil.release(self.info.id, true);
                self.take_gil();
            }
            self.check_at = self.icount + POLL_INSTRUCTIONS;
        }
    }

    /// The one wrapper around blocking calls (CPython's Py_BEGIN_ALLOW_THREADS): drops
    /// the GIL, runs `f`, and takes the GIL back. `f` must not touch Python objects.
    pub fn allow_threads<R>(&mut self, kind: BlockKind, f: impl FnOnce() -> R) -> R {
        if let Some(sim) = &self.sched.sim {
            // Only this thread runs: do the work now. I/O costs virtual time, charged at
            // the next safe point (when no file or output lock is held any more).
            let result = f();
            if kind == BlockKind::Io {
                self.pending_io += sim.config.io_ns;
                self.check_at = self.icount;
            }
            return result;
        }
        let gil_on = self.sched.gil.is_some();
        if gil_on {
            self.record_release(false, true);
            self.sched.gil.as_ref().expect("checked").release(self.info.id, false);
        }
        let start = Instant::now();
        let result = f();
        self.info.stats.lock().blocked[kind as usize] += start.elapsed();
        if gil_on {
            self.take_gil();
        }
        result
    }

    /// `time.sleep`: sleeping releases the GIL; `sleep(0)` just offers it to others.
    pub fn sleep(&mut self, duration: Duration) {
        if let Some(sim) = &self.sched.sim {
            if duration.is_zero() {
                sim.yield_now(self.info.id, self.icount);
            } else {
                let ns = u64::try_from(duration.as_nanos()).unwrap_or(u64::MAX);
                sim.sleep(self.info.id, self.icount, BlockKind::Sleep, ns);
            }
            return;
        }
        let main = self.info.id == 0;
        self.allow_threads(BlockKind::Sleep, || {
            if main {
                // Ctrl-C cuts the main thread's sleep short.
                crate::interrupt::sleep(duration);
            } else if !duration.is_zero() {
                std::thread::sleep(duration);
            }
        });
    }

    /// Time since the interpreter started (the clock behind `time.monotonic`): virtual
    /// under the simulator.
    pub fn now(&self) -> Duration {
        match &self.sched.sim {
            Some(sim) => Duration::from_nanos(sim.now(self.info.id, self.icount)),
            None => self.sched.started.elapsed(),
        }
    }

    /// Time since the Unix epoch (`time.time`). The simulator's clock starts at a fixed
    /// date, 2023-11-14 22:13:20 UTC, so that runs print the same.
    pub fn wall_clock(&self) -> Duration {
        match &self.sched.sim {
            Some(_) => Duration::from_secs(1_700_000_000) + self.now(),
            None => std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default(),
        }
    }

    /// The simulator, when `--sched sim` is on.
    pub fn sim(&self) -> Option<&Arc<crate::sim::Sim>> {
        self.sched.sim.as_ref()
    }

    fn got_gil(&mut self, start: Instant, waited: bool) {
        let now = Instant::now();
        let mut stats = self.info.stats.lock();
        stats.acquisitions += 1;
        if waited {
            stats.waiting += now - start;
        }
        self.held_since = Some(now);
        self.slice_start = self.icount;
    }

    fn record_release(&mut self, forced: bool, voluntary: bool) {
        let mut stats = self.info.stats.lock();
        if let Some(since) = self.held_since.take() {
            stats.held += since.elapsed();
        }
        stats.forced_releases += forced as u64;
        stats.voluntary_releases += voluntary as u64;
        stats.instructions = self.icount;
    }
}
