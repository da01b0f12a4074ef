//! Ctrl-C: SIGINT sets a flag that the main thread turns into KeyboardInterrupt at its
//! next safe point, and wakes the main thread if it is blocked in a wait or a sleep.
//!
//! The signal handler only sets the flag and writes a byte to a pipe (both
//! async-signal-safe); a watcher thread reads the pipe and wakes whatever the main
//! thread is waiting on.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

static PENDING: AtomicBool = AtomicBool::new(false);
static PIPE_WRITE: AtomicI32 = AtomicI32::new(-1);

/// What the main thread is blocked on, and how to wake it.
static WAKER: Mutex<Option<Box<dyn Fn() + Send>>> = Mutex::new(None);

/// The main thread's sleep waits here, so that Ctrl-C can cut it short.
static SLEEP: OnceLock<(Mutex<()>, Condvar)> = OnceLock::new();

extern "C" fn on_sigint(_signal: libc::c_int) {
    PENDING.store(true, Ordering::SeqCst);
    let fd = PIPE_WRITE.load(Ordering::SeqCst);
    if fd >= 0 {
        let byte = 1u8;
        // SAFETY: write(2) is async-signal-safe; a full pipe only loses a duplicate wake.
        unsafe {
            libc::write(fd, &byte as *const u8 as *const libc::c_void, 1);
        }
    }
}

/// Installs the SIGINT handler and the watcher thread (once per process).
pub fn install() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        let mut fds = [0 as libc::c_int; 2];
        // SAFETY: pipe(2) fills the two descriptors.
        if unsafe { libc::pipe(fds.as_mut_ptr()) } != 0 {
            return;
        }
        PIPE_WRITE.store(fds[1], Ordering::SeqCst);
        let read_fd = fds[0];
        let watcher =
            std::thread::Builder::new().name("sigint-watcher".into()).stack_size(64 << 10).spawn(move || loop {
                let mut byte = 0u8;
                // SAFETY: reading one byte into a local buffer.
                let n = unsafe { libc::read(read_fd, &mut byte as *mut u8 as *mut libc::c_void, 1) };
                if n <= 0 {
                    continue;
                }
                if let Some(wake) = &*WAKER.lock() {
                    wake();
                }
                let (lock, cond) = sleep_pair();
                let _guard = lock.lock();
                cond.notify_all();
            });
        if watcher.is_ok() {
            // SAFETY: the handler only touches atomics and write(2).
            unsafe {
                libc::signal(libc::SIGINT, on_sigint as *const () as libc::sighandler_t);
            }
        }
    });
}

fn sleep_pair() -> &'static (Mutex<()>, Condvar) {
    SLEEP.get_or_init(|| (Mutex::new(()), Condvar::new()))
}

/// Whether Ctrl-C was pressed and not yet turned into KeyboardInterrupt.
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed)
}

/// Takes the pending Ctrl-C (the main thread raises KeyboardInterrupt for it).
pub fn take() -> bool {
    PENDING.swap(false, Ordering::SeqCst)
}

/// Sets how to wake the main thread from its current wait (`None` when it stops).
pub(crate) fn set_waker(waker: Option<Box<dyn Fn() + Send>>) {
    *WAKER.lock() = waker;
}

/// The main thread's sleep: ends early on Ctrl-C.
pub(crate) fn sleep(duration: Duration) {
    let deadline = Instant::now().checked_add(duration);
    let (lock, cond) = sleep_pair();
    let mut guard = lock.lock();
    while !pending() {
        match deadline {
            Some(d) => {
                if cond.wait_until(&mut guard, d).timed_out() {
                    return;
                }
            }
            None => cond.wait(&mut guard),
        }
    }
}
