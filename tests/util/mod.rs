//! Helpers shared by the integration tests: find the example programs, and run the
//! `gilvm` binary (or python3) with a timeout so that a hang fails a test instead of
//! blocking CI.

#![allow(dead_code)] // Each test binary uses its own subset of these helpers.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one program may run before the test kills it and fails.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(30);

/// The marker comment a program puts in its first lines when its output depends on
/// thread scheduling, so the differential test must not compare it with python3.
pub const SCHEDULING_MARKER: &str = "# gilvm: scheduling-dependent";

/// The repository root (the root package's manifest directory).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `gilvm` binary that cargo built for this test run.
pub fn gilvm_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_gilvm"))
}

/// Every `.py` file under `dir` (recursively), sorted so test output is stable.
pub fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "py") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// What a finished (or killed) process left behind.
pub struct Finished {
    /// The exit code; `None` if the process was killed by a signal.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub timed_out: bool,
    pub elapsed: Duration,
}

impl Finished {
    /// A program's snapshot text: exit status, then stdout, then stderr, with its
    /// directory and object addresses hidden (they differ between machines and runs).
    pub fn describe(&self, program: &Path) -> String {
        format!(
            "exit status: {}\n--- stdout ---\n{}--- stderr ---\n{}",
            self.status_text(),
            mask_addresses(&hide_program_dir(&self.stdout, program)),
            mask_addresses(&hide_program_dir(&self.stderr, program)),
        )
    }

    /// The exit status in words: `0`, `1`, or `killed by a signal`.
    pub fn status_text(&self) -> String {
        match (self.timed_out, self.code) {
            (true, _) => format!("timed out after {:?}", self.elapsed),
            (false, Some(code)) => code.to_string(),
            (false, None) => "killed by a signal".to_string(),
        }
    }
}

/// Runs `command` with stdin closed, capturing stdout and stderr, and kills it if it
/// is still running after `timeout`.
pub fn run_with_timeout(command: &mut Command, timeout: Duration) -> Finished {
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {command:?}: {e}"));
    // Read both pipes on their own threads so a chatty child never blocks on a full pipe.
    let stdout_reader = drain(child.stdout.take().expect("piped stdout"));
    let stderr_reader = drain(child.stderr.take().expect("piped stderr"));
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for child") {
            break status;
        }
        if started.elapsed() > timeout {
            timed_out = true;
            let _ = child.kill();
            break child.wait().expect("waiting for killed child");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Finished {
        code: status.code(),
        stdout: stdout_reader.join().expect("stdout reader"),
        stderr: stderr_reader.join().expect("stderr reader"),
        timed_out,
        elapsed: started.elapsed(),
    }
}

fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Runs `program` the way a user would: from the program's own directory, with its
/// bare file name, so that relative paths in its output do not depend on where the
/// repository is checked out. `interpreter_args` come before the file name
/// (`["run"]` for gilvm, `[]` for python3).
pub fn run_program(interpreter: &Path, interpreter_args: &[&str], program: &Path) -> Finished {
    let dir = program.parent().expect("program has a directory");
    let name = program.file_name().expect("program has a file name");
    let mut command = Command::new(interpreter);
    command.args(interpreter_args).arg(name).args(test_args(program)).current_dir(dir);
    run_with_timeout(&mut command, RUN_TIMEOUT)
}

/// The header comment with which a program asks the tests to pass it arguments, e.g.
/// `# gilvm-test-args: --check` for a program that prints timings unless asked not to.
pub const TEST_ARGS_MARKER: &str = "# gilvm-test-args:";

/// The arguments a program's header asks the tests to pass it (see [`TEST_ARGS_MARKER`]).
pub fn test_args(program: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(program).unwrap_or_default();
    text.lines()
        .take_while(|line| line.starts_with('#'))
        .find_map(|line| line.strip_prefix(TEST_ARGS_MARKER))
        .map(|args| args.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

/// Replaces the program's absolute directory with `<dir>` (CPython-style tracebacks
/// print the script's absolute path), so snapshots are the same on every machine.
pub fn hide_program_dir(text: &str, program: &Path) -> String {
    let dir = program.parent().expect("program has a directory");
    let mut text = text.to_string();
    let mut spellings = vec![dir.to_path_buf()];
    if let Ok(canonical) = dir.canonicalize() {
        spellings.push(canonical);
    }
    for spelling in spellings {
        let spelling = format!("{}/", spelling.display());
        text = text.replace(&spelling, "<dir>/");
    }
    text
}

/// Set (as .ci/run does) to make a missing python3 fail the differential tests
/// instead of skipping them.
pub const REQUIRE_PYTHON3_VAR: &str = "GILVM_REQUIRE_PYTHON3";

/// Is `python3` on PATH? Prints why a test is skipped when it is not, or fails the
/// test if GILVM_REQUIRE_PYTHON3 is set.
pub fn python3_available(test_name: &str) -> bool {
    let probe = Command::new("python3").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status();
    match probe {
        Ok(status) if status.success() => true,
        _ if std::env::var_os(REQUIRE_PYTHON3_VAR).is_some() => {
            panic!("{test_name}: python3 was not found on PATH, and {REQUIRE_PYTHON3_VAR} is set")
        }
        _ => {
            eprintln!("NOTICE: {test_name} skipped: python3 was not found on PATH");
            false
        }
    }
}

/// Replaces object addresses (`<function f at 0x7f...>`) with `at 0x...`: they change
/// from run to run.
pub fn mask_addresses(text: &str) -> String {
    const AT: &str = " at 0x";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(AT) {
        out.push_str(&rest[..i]);
        let digits = rest[i + AT.len()..].chars().take_while(|c| c.is_ascii_hexdigit()).count();
        out.push_str(" at 0x...");
        rest = &rest[i + AT.len() + digits..];
    }
    out.push_str(rest);
    out
}
