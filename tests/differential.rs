//! Differential test: every example program whose output cannot depend on thread
//! scheduling runs under `python3` and under `gilvm run`, and both must print the same
//! stdout and exit with the same status. A program opts out with the marker comment
//! `# gilvm: scheduling-dependent` in its first lines. Skipped, with a notice, when
//! python3 is not installed.

mod util;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use util::{gilvm_bin, python3_available, python_files, repo_root, run_program, Finished, SCHEDULING_MARKER};

/// The floor: the comparison must cover at least this many programs.
const MIN_COMPARED: usize = 30;

/// How many leading lines may hold the opt-out marker.
const MARKER_LINES: usize = 10;

/// How many lines of context a mismatch report shows around the first difference.
const CONTEXT_LINES: usize = 3;

#[test]
fn gilvm_matches_python3() {
    if !python3_available("gilvm_matches_python3") {
        return;
    }
    let programs: Vec<PathBuf> =
        python_files(&repo_root().join("programs")).into_iter().filter(|p| !is_scheduling_dependent(p)).collect();

    // Programs run on a few worker threads; python3 and gilvm runs of one program are
    // always sequential on the same worker, so a program's temporary files never clash
    // with its own other run.
    let next = Mutex::new(programs.iter());
    let mismatches = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(4);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let Some(program) = next.lock().unwrap().next() else {
                    break;
                };
                if let Some(report) = compare(program) {
                    mismatches.lock().unwrap().push(report);
                }
            });
        }
    });

    let mut mismatches = mismatches.into_inner().unwrap();
    mismatches.sort();
    if !mismatches.is_empty() {
        panic!("{} of {} programs differ from python3:\n\n{}", mismatches.len(), programs.len(), mismatches.join("\n"));
    }
    assert!(
        programs.len() >= MIN_COMPARED,
        "only {} programs were compared with python3; expected at least {MIN_COMPARED}",
        programs.len()
    );
    eprintln!("compared {} programs with python3: all agree", programs.len());
}

fn is_scheduling_dependent(program: &Path) -> bool {
    let text = std::fs::read_to_string(program).unwrap_or_default();
    text.lines().take(MARKER_LINES).any(|line| line.trim() == SCHEDULING_MARKER)
}

/// Runs one program under both interpreters; returns a report if they disagree.
fn compare(program: &Path) -> Option<String> {
    let python = run_program(Path::new("python3"), &[], program);
    let gilvm = run_program(&gilvm_bin(), &["run"], program);
    let name = program.strip_prefix(repo_root()).unwrap_or(program).display().to_string();
    let same_status = python.code == gilvm.code && !python.timed_out && !gilvm.timed_out;
    if same_status && python.stdout == gilvm.stdout {
        return None;
    }
    let mut report = format!("=== {name}\n");
    if !same_status {
        report += &format!("exit status: python3 {}, gilvm {}\n", python.status_text(), gilvm.status_text());
    }
    if python.stdout != gilvm.stdout {
        report += &first_difference(&python.stdout, &gilvm.stdout);
    }
    report += &stderr_excerpt(&gilvm);
    Some(report)
}

/// A small unified-style excerpt around the first line where the outputs differ.
fn first_difference(expected: &str, actual: &str) -> String {
    let expected: Vec<&str> = expected.split_inclusive('\n').collect();
    let actual: Vec<&str> = actual.split_inclusive('\n').collect();
    let first = expected.iter().zip(&actual).take_while(|(a, b)| a == b).count();
    let start = first.saturating_sub(CONTEXT_LINES);
    let mut out = format!("stdout differs at line {} (- python3, + gilvm):\n", first + 1);
    for line in &expected[start..first] {
        out += &format!("  {}\n", line.trim_end_matches('\n'));
    }
    for line in expected.iter().skip(first).take(CONTEXT_LINES + 1) {
        out += &format!("- {}\n", show(line));
    }
    for line in actual.iter().skip(first).take(CONTEXT_LINES + 1) {
        out += &format!("+ {}\n", show(line));
    }
    if expected.len() != actual.len() {
        out += &format!("  (python3 printed {} lines, gilvm {})\n", expected.len(), actual.len());
    }
    out
}

/// A line as printed in a report; a missing final newline is made visible.
fn show(line: &str) -> String {
    match line.strip_suffix('\n') {
        Some(line) => line.to_string(),
        None => format!("{line}\\ (no newline at end)"),
    }
}

/// The tail of gilvm's stderr, which usually says why it stopped early.
fn stderr_excerpt(gilvm: &Finished) -> String {
    if gilvm.stderr.is_empty() {
        return String::new();
    }
    let lines: Vec<&str> = gilvm.stderr.lines().collect();
    let tail = &lines[lines.len().saturating_sub(6)..];
    format!("gilvm stderr (last lines):\n{}\n", tail.iter().map(|l| format!("  | {l}")).collect::<Vec<_>>().join("\n"))
}

/// The mismatch report must point at the first differing line, with context.
#[test]
fn mismatch_report_shows_first_differing_line() {
    let report = first_difference("a\nb\nc\nd\n", "a\nb\nX\nd\ne");
    assert_eq!(
        report,
        "stdout differs at line 3 (- python3, + gilvm):\n  a\n  b\n- c\n- d\n+ X\n+ d\n+ e\\ (no newline at end)\n  (python3 printed 4 lines, gilvm 5)\n"
    );
}
