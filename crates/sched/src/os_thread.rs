//! Starting the OS threads that run Python threads: detached pthreads, without
//! `std::thread`'s per-thread extras.
//!
//! A program may start 10,000 threads that all live at once, so what each one costs is
//! what the user sees. `std::thread::spawn` adds a `JoinHandle` packet, a `Thread`
//! handle, a boxed closure, and a signal stack with its own mappings and syscalls: about
//! 1.2 KB of heap and three system calls per thread on top of the pthread itself. gilvm
//! never joins an OS thread (Python's `join` waits on the thread object), so a detached
//! pthread does the job. Its stack is a plain mapping, and only the pages a thread
//! touches count: keep the path from [`spawn`]'s entry to a blocking call shallow.

use std::ffi::c_void;
use std::io;

type Body = Box<dyn FnOnce() + Send + 'static>;

/// Starts a detached OS thread named `name` (as `top -H` and debuggers show it; Linux
/// keeps the first 15 bytes) with a stack of `stack_size` bytes, running `body`.
/// Returns the new thread's `pthread_t`, which is what CPython reports as its ident.
pub fn spawn(name: &str, stack_size: usize, body: impl FnOnce() + Send + 'static) -> io::Result<u64> {
    let name = short_name(name);
    let body: Body = Box::new(move || {
        // SAFETY: `name` is NUL-terminated and at most 16 bytes long, as Linux asks.
        unsafe { libc::pthread_setname_np(libc::pthread_self(), name.as_ptr().cast()) };
        body()
    });
    // A thin pointer to the fat one crosses the C boundary.
    let payload = Box::into_raw(Box::new(body));
    // SAFETY: `attr` is initialised before use and destroyed after; `payload` is handed
    // to `entry` exactly once, or reclaimed here if the thread was not created.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        let rc = libc::pthread_attr_init(&mut attr);
        if rc != 0 {
            drop(Box::from_raw(payload));
            return Err(io::Error::from_raw_os_error(rc));
        }
        let page = 4096;
        let mut rc =
            libc::pthread_attr_setstacksize(&mut attr, stack_size.max(libc::PTHREAD_STACK_MIN).next_multiple_of(page));
        if rc == 0 {
            rc = libc::pthread_attr_setdetachstate(&mut attr, libc::PTHREAD_CREATE_DETACHED);
        }
        let mut thread: libc::pthread_t = 0;
        if rc == 0 {
            rc = libc::pthread_create(&mut thread, &attr, entry, payload.cast());
        }
        libc::pthread_attr_destroy(&mut attr);
        if rc != 0 {
            drop(Box::from_raw(payload));
            return Err(io::Error::from_raw_os_error(rc));
        }
        Ok(thread as u64)
    }
}

extern "C" fn entry(payload: *mut c_void) -> *mut c_void {
    // SAFETY: `spawn` passes a `Box<Body>` made by `Box::into_raw`, once.
    let body = unsafe { Box::from_raw(payload.cast::<Body>()) };
    // Unwinding may not cross into C. A panic has printed its message already; a thread
    // that dies mid-bytecode may hold the GIL, so ending the process beats a hang.
    if std::panic::catch_unwind(std::panic::AssertUnwindSafe(*body)).is_err() {
        std::process::abort();
    }
    std::ptr::null_mut()
}

/// `name` cut to 15 bytes at a character boundary, NUL-terminated.
fn short_name(name: &str) -> [u8; 16] {
    let mut end = name.len().min(15);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    let mut buf = [0u8; 16];
    for (slot, b) in buf.iter_mut().zip(name[..end].bytes()) {
        *slot = if b == 0 { b'?' } else { b };
    }
    buf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_cut_at_char_boundaries() {
        assert_eq!(&short_name("Thread-1 (worker)")[..16], b"Thread-1 (worke\0");
        assert_eq!(&short_name("ab")[..3], b"ab\0");
        // 'é' is two bytes; byte 15 would split the sixth one.
        let cut = short_name("ééééééééé");
        assert_eq!(std::str::from_utf8(&cut[..14]).unwrap(), "ééééééé");
        assert_eq!(cut[14], 0);
    }

    #[test]
    fn runs_the_body_and_reports_its_ident() {
        let (tx, rx) = std::sync::mpsc::channel();
        let ident = spawn("gilvm-test", 64 << 10, move || {
            // SAFETY: pthread_self has no preconditions.
            tx.send(unsafe { libc::pthread_self() } as u64).unwrap();
        })
        .unwrap();
        assert_eq!(rx.recv().unwrap(), ident);
    }
}
