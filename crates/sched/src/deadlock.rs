//! Deadlock detection: when every live thread is blocked in a wait that can never end
//! (no timeout, and nobody left to wake it), report each thread and stop the process.
//!
//! Under the real scheduler a thread that is about to wait without a timeout registers
//! the wait here (which object, and the generation it saw), then checks whether every
//! live thread is now registered and still unwoken. Under the simulator the same
//! situation is simply "nothing can run and no deadline is pending".

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use parking_lot::Mutex;

use crate::thread::{BlockKind, ThreadInfo};

/// What a thread waits for, and where, as the VM notes it before a wait.
#[derive(Clone, Debug)]
pub struct WaitNote {
    pub kind: BlockKind,
    /// For a lock: the thread that holds it.
    pub holder: Option<usize>,
    /// File, line and function of the wait (none when a builtin was the thread's target).
    pub place: Option<(std::sync::Arc<str>, u32, std::sync::Arc<str>)>,
}

/// A wait that has no timeout.
pub(crate) struct ForeverWait {
    pub thread: usize,
    /// Whether the wait is still unwoken (the object's generation is unchanged).
    pub still_blocked: Box<dyn Fn() -> bool + Send>,
}

#[derive(Default)]
pub(crate) struct Detector {
    /// Threads that have started and not finished.
    pub live: AtomicUsize,
    pub waits: Mutex<Vec<ForeverWait>>,
}

/// How the VM prints a deadlock report (it flushes its own buffered output first).
static REPORTER: OnceLock<Box<dyn Fn(&str) + Send + Sync>> = OnceLock::new();

/// Installs the function that prints the deadlock report.
pub fn set_reporter(report: Box<dyn Fn(&str) + Send + Sync>) {
    let _ = REPORTER.set(report);
}

/// How the report finds the text of a source line (file, line number).
static SOURCE: OnceLock<Box<dyn Fn(&str, u32) -> Option<String> + Send + Sync>> = OnceLock::new();

/// Installs the source-line lookup the report uses to show each wait's line.
pub fn set_source_lookup(lookup: Box<dyn Fn(&str, u32) -> Option<String> + Send + Sync>) {
    let _ = SOURCE.set(lookup);
}

/// Prints `text` (through the VM when it installed a reporter) and exits with status 1.
pub(crate) fn report(text: &str) -> ! {
    match REPORTER.get() {
        Some(report) => report(text),
        None => eprint!("{text}"),
    }
    std::process::exit(1)
}

/// The report: one line per thread, with what it waits for and where.
pub(crate) fn describe(threads: &[std::sync::Arc<ThreadInfo>], blocked: impl Fn(usize) -> bool) -> String {
    let mut text = String::from("gilvm: deadlock detected (every thread is blocked, and none can wake the others)\n");
    let name_of = |id: usize| threads.iter().find(|t| t.id == id).map(|t| t.name.lock().clone());
    for t in threads {
        if !blocked(t.id) {
            continue;
        }
        let name = t.name.lock().clone();
        match &*t.waiting.lock() {
            Some(note) => {
                let mut what = format!("waits on {}", kind_name(note.kind));
                if let Some(holder) = note.holder.and_then(name_of) {
                    what.push_str(&format!(" held by {holder}"));
                }
                text.push_str(&format!("  {name} {what}\n"));
                if let Some((file, line, function)) = &note.place {
                    text.push_str(&format!("    File \"{file}\", line {line}, in {function}\n"));
                    if let Some(source) = SOURCE.get().and_then(|lookup| lookup(file, *line)) {
                        text.push_str(&format!("      {}\n", source.trim()));
                    }
                }
            }
            None => text.push_str(&format!("  {name} is blocked\n")),
        }
    }
    text
}

impl Detector {
    /// Registers a wait without timeout and reports a deadlock if this completes one.
    pub fn enter(&self, wait: ForeverWait, threads: impl Fn() -> Vec<std::sync::Arc<ThreadInfo>>) {
        let mut waits = self.waits.lock();
        waits.push(wait);
        if waits.len() < self.live.load(Ordering::SeqCst) {
            return;
        }
        if waits.iter().all(|w| (w.still_blocked)()) {
            let ids: Vec<usize> = waits.iter().map(|w| w.thread).collect();
            let text = describe(&threads(), |id| ids.contains(&id));
            drop(waits);
            report(&text);
        }
    }

    pub fn leave(&self, thread: usize) {
        self.waits.lock().retain(|w| w.thread != thread);
    }
}

/// A wait's object in reports ("a lock", "an event", ...).
pub fn kind_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Lock => "a lock",
        BlockKind::Join => "a thread (join)",
        BlockKind::Condition => "a condition",
        BlockKind::Event => "an event",
        BlockKind::Semaphore => "a semaphore",
        BlockKind::Barrier => "a barrier",
        BlockKind::Queue => "a queue",
        BlockKind::Sleep => "a sleep",
        BlockKind::Io => "I/O",
    }
}
