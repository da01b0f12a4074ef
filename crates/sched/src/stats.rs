//! `--stats`: per-thread counters and the report printed at exit, as a table or JSON.

use std::fmt::Write;
use std::time::Duration;

use crate::config::{Handoff, Policy, SwitchPoints};
use crate::thread::Sched;

/// How `--stats` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatsFormat {
    Text,
    Json,
}

/// One thread's counters. Only the owning thread updates them.
#[derive(Clone, Debug, Default)]
pub struct ThreadStats {
    pub instructions: u64,
    pub acquisitions: u64,
    /// Time holding the GIL.
    pub held: Duration,
    /// Time waiting to take the GIL.
    pub waiting: Duration,
    /// Time in blocking calls, by [`crate::BlockKind`].
    pub blocked: [Duration; KINDS],
    /// Releases because the switch policy said so.
    pub forced_releases: u64,
    /// Releases around blocking calls.
    pub voluntary_releases: u64,
}

impl ThreadStats {
    pub fn blocked_total(&self) -> Duration {
        self.blocked.iter().sum()
    }
}

/// How many [`crate::BlockKind`]s there are, and their names in `--stats=json`.
pub const KINDS: usize = 9;
const KIND_NAMES: [&str; KINDS] =
    ["sleep", "lock", "join", "io", "condition", "event", "semaphore", "barrier", "queue"];

/// The report for `--stats`, measured up to `wall`.
pub fn report(sched: &Sched, wall: Duration, format: StatsFormat) -> String {
    let threads: Vec<(String, ThreadStats)> =
        sched.threads().iter().map(|t| (t.name.lock().clone(), t.stats.lock().clone())).collect();
    let held: Duration = threads.iter().map(|(_, s)| s.held).sum();
    let share = if wall.is_zero() { 0.0 } else { held.as_secs_f64() / wall.as_secs_f64() };
    let switches = sched.switches();
    match format {
        StatsFormat::Text => {
            let mut out = format!("gilvm stats: {}\n", describe_config(sched));
            let width = threads.iter().map(|(n, _)| n.len()).max().unwrap_or(0).max(6);
            let _ = writeln!(
                out,
                "{:<width$}  {:>12}  {:>8}  {:>10}  {:>10}  {:>10}  {:>6}  {:>9}",
                "thread", "instructions", "acquired", "held ms", "waited ms", "blocked ms", "forced", "voluntary"
            );
            for (name, s) in &threads {
                let _ = writeln!(
                    out,
                    "{:<width$}  {:>12}  {:>8}  {:>10.1}  {:>10.1}  {:>10.1}  {:>6}  {:>9}",
                    name,
                    s.instructions,
                    s.acquisitions,
                    ms(s.held),
                    ms(s.waiting),
                    ms(s.blocked_total()),
                    s.forced_releases,
                    s.voluntary_releases
                );
            }
            let _ = writeln!(
                out,
                "total: wall {:.3} s, {} threads, {} switches, GIL held {:.1}% of wall time",
                wall.as_secs_f64(),
                threads.len(),
                switches,
                share * 100.0
            );
            out
        }
        StatsFormat::Json => {
            let mut out = String::from("{");
            let scheduler = if sched.sim.is_some() { "sim" } else { "real" };
            let _ = write!(out, "\"scheduler\": \"{scheduler}\", \"gil\": {}, ", sched.gil_enabled());
            if let Some(sim) = &sched.sim {
                let _ = write!(
                    out,
                    "\"instr_ns\": {}, \"cores\": {}, \"io_ns\": {}, \"seed\": {}, ",
                    sim.config.instr_ns,
                    sim.config.cores,
                    sim.config.io_ns,
                    sim.config.seed.map_or("null".to_string(), |s| s.to_string())
                );
            }
            match sched.policy() {
                Policy::Instructions(n) => {
                    let _ = write!(out, "\"policy\": \"instructions\", \"switch_instructions\": {n}, ");
                }
                Policy::Interval(d) => {
                    let _ = write!(out, "\"policy\": \"interval\", \"switch_interval_s\": {}, ", d.as_secs_f64());
                }
            }
            let _ = write!(
                out,
                "\"switch_points\": \"{}\", \"handoff\": \"{}\", ",
                points_name(sched.config.switch_points),
                handoff_name(sched.config.handoff)
            );
            let _ = write!(
                out,
                "\"wall_s\": {}, \"switches\": {switches}, \"gil_held_share\": {share}, \"threads\": [",
                wall.as_secs_f64()
            );
            for (i, (name, s)) in threads.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                let _ = write!(
                    out,
                    "{{\"name\": {}, \"instructions\": {}, \"acquisitions\": {}, \"held_s\": {}, \"waiting_s\": {}, \
                     \"blocked_s\": {}, \"forced_releases\": {}, \"voluntary_releases\": {}",
                    json_string(name),
                    s.instructions,
                    s.acquisitions,
                    s.held.as_secs_f64(),
                    s.waiting.as_secs_f64(),
                    s.blocked_total().as_secs_f64(),
                    s.forced_releases,
                    s.voluntary_releases
                );
                for (kind, d) in KIND_NAMES.iter().zip(s.blocked) {
                    let _ = write!(out, ", \"blocked_{kind}_s\": {}", d.as_secs_f64());
                }
                out.push('}');
            }
            out.push_str("]}\n");
            out
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn describe_config(sched: &Sched) -> String {
    let scheduler = match &sched.sim {
        Some(sim) => format!(
            "simulated ({} ns per instruction, {} cores{}), ",
            sim.config.instr_ns,
            sim.config.cores,
            sim.config.seed.map_or(String::new(), |s| format!(", seed {s}"))
        ),
        None => String::new(),
    };
    format!("{scheduler}{}", describe_gil(sched))
}

fn describe_gil(sched: &Sched) -> String {
    if !sched.gil_enabled() {
        return "GIL off (threads run in parallel)".to_string();
    }
    let policy = match sched.policy() {
        Policy::Instructions(n) => format!("switch every {n} instructions"),
        Policy::Interval(d) => format!("switch interval {}", format_duration(d)),
    };
    format!(
        "GIL on, {policy}, switch points {}, handoff {}",
        points_name(sched.config.switch_points),
        handoff_name(sched.config.handoff)
    )
}

/// `5ms`, `250us`, `1.5s`: the switch-interval spelling of the command line.
pub fn format_duration(d: Duration) -> String {
    let ns = d.as_nanos();
    if ns % 1_000_000_000 == 0 {
        format!("{}s", ns / 1_000_000_000)
    } else if ns % 1_000_000 == 0 {
        format!("{}ms", ns / 1_000_000)
    } else if ns % 1_000 == 0 {
        format!("{}us", ns / 1_000)
    } else if ns >= 1_000_000 {
        format!("{}ms", ns as f64 / 1e6)
    } else {
        format!("{ns}ns")
    }
}

fn points_name(p: SwitchPoints) -> &'static str {
    match p {
        SwitchPoints::Safe => "safe",
        SwitchPoints::Any => "any",
    }
}

fn handoff_name(h: Handoff) -> &'static str {
    match h {
        Handoff::Greedy => "greedy",
        Handoff::Fair => "fair",
    }
}

/// A JSON string literal.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_print_as_flags_are_written() {
        assert_eq!(format_duration(Duration::from_millis(5)), "5ms");
        assert_eq!(format_duration(Duration::from_micros(250)), "250us");
        assert_eq!(format_duration(Duration::from_secs(2)), "2s");
        assert_eq!(format_duration(Duration::from_nanos(20)), "20ns");
    }

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(json_string("a\"b\\c\n\u{1}"), "\"a\\\"b\\\\c\\n\\u0001\"");
    }
}
