//! Scheduler settings: GIL on or off, the switch policy, switch points and handoff, as
//! chosen on the command line (and, for the switch interval, by `sys.setswitchinterval`).

use std::time::Duration;

/// CPython 3's default switch interval.
pub const DEFAULT_INTERVAL: Duration = Duration::from_millis(5);

/// When the thread holding the GIL has to offer it to others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// CPython 3.2+: a thread that has waited this long asks the holder to drop the GIL.
    Interval(Duration),
    /// Python 2's check interval: the holder offers the GIL after this many instructions.
    Instructions(u64),
}

/// Where in the bytecode the GIL may change hands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SwitchPoints {
    /// Only on backward jumps and calls (CPython 3.10+).
    Safe,
    /// Between any two instructions (Python 2's ticks).
    Any,
}

/// Who gets the GIL when its holder lets go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handoff {
    /// A plain lock: whoever grabs it first, possibly the thread that just released it.
    Greedy,
    /// The thread that has waited longest gets it directly.
    Fair,
}

#[derive(Clone, Debug)]
pub struct Config {
    /// `false` for `--gil off`: threads run bytecode in parallel.
    pub gil: bool,
    pub policy: Policy,
    pub switch_points: SwitchPoints,
    pub handoff: Handoff,
    /// Whether per-thread statistics are printed at exit (`--stats`).
    pub stats: Option<crate::StatsFormat>,
    /// `--sched sim`: the simulated scheduler's settings (`None`: real threads, real time).
    pub sim: Option<crate::SimConfig>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            gil: true,
            policy: Policy::Interval(DEFAULT_INTERVAL),
            switch_points: SwitchPoints::Safe,
            handoff: Handoff::Greedy,
            stats: None,
            sim: None,
        }
    }
}

impl Config {
    /// Whether the dispatch loop must count every instruction: for an instruction-count
    /// policy, for switches between any two instructions, and for `--stats`.
    pub fn counts_instructions(&self) -> bool {
        matches!(self.policy, Policy::Instructions(_))
            || self.switch_points == SwitchPoints::Any
            || self.stats.is_some()
            || self.sim.is_some()
    }
}

/// Parses `--switch-interval`: a bare number is a count of instructions; a number with a
/// unit (`ns`, `us`, `ms`, `s`) is a time slice.
pub fn parse_switch_interval(text: &str) -> Result<Policy, String> {
    let text = text.trim();
    let bad = || {
        format!(
            "invalid switch interval '{text}': expected a number of instructions (100) or a duration \
             with a unit (5ms; units ns, us, ms, s)"
        )
    };
    let split = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    if unit.is_empty() {
        return match number.parse::<u64>() {
            Ok(n) if n > 0 => Ok(Policy::Instructions(n)),
            _ => Err(bad()),
        };
    }
    let value: f64 = number.parse().map_err(|_| bad())?;
    let scale = match unit {
        "ns" => 1e-9,
        "us" => 1e-6,
        "ms" => 1e-3,
        "s" => 1.0,
        _ => return Err(bad()),
    };
    let secs = value * scale;
    if !(secs > 0.0 && secs.is_finite() && secs < 1e6) {
        return Err(bad());
    }
    Ok(Policy::Interval(Duration::from_secs_f64(secs).max(Duration::from_nanos(1))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switch_interval_units() {
        assert_eq!(parse_switch_interval("100"), Ok(Policy::Instructions(100)));
        assert_eq!(parse_switch_interval("5ms"), Ok(Policy::Interval(Duration::from_millis(5))));
        assert_eq!(parse_switch_interval("250us"), Ok(Policy::Interval(Duration::from_micros(250))));
        assert_eq!(parse_switch_interval("0.5s"), Ok(Policy::Interval(Duration::from_millis(500))));
        assert_eq!(parse_switch_interval("20ns"), Ok(Policy::Interval(Duration::from_nanos(20))));
        for bad in ["", "0", "-1", "5 m", "5xs", "ms", "0ms", "1.5"] {
            assert!(parse_switch_interval(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
