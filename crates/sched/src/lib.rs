//! Who runs when: the GIL and its switching policies, the one wrapper around blocking
//! calls, wait queues that sync objects park on, and per-thread statistics.
//!
//! This crate knows nothing about Python values. The VM owns one [`ThreadCtx`] per OS
//! thread that runs bytecode and calls into it at exactly two kinds of places: the safe
//! point in the dispatch loop ([`ThreadCtx::yield_if_due`]) and blocking calls
//! ([`ThreadCtx::allow_threads`], and the waits built on it in [`Waitable`]).

mod config;
pub mod deadlock;
mod gil;
pub mod interrupt;
pub mod os_thread;
pub mod sim;
pub mod stats;
mod thread;
mod wait;

pub use config::{parse_switch_interval, Config, Handoff, Policy, SwitchPoints, DEFAULT_INTERVAL};
pub use sim::SimConfig;
pub use stats::StatsFormat;
pub use thread::{BlockKind, Sched, ThreadCtx, ThreadInfo};
pub use wait::{Waitable, Wake};
