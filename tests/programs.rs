//! Snapshot test over every example program (`programs/**/*.py`): each program's stdout,
//! stderr and exit status, as `gilvm run` produces them, live in one readable snapshot
//! under tests/snapshots/. Also the command line itself: `--version`, `--help`, `-c`,
//! `-u`, `sys.argv`, and the exit statuses for usage errors.

mod util;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use util::{gilvm_bin, run_program, run_with_timeout, Finished, RUN_TIMEOUT};

/// One snapshot per program: exit status, then stdout, then stderr.
#[test]
fn program_snapshots() {
    insta::glob!("../programs", "**/*.py", |path| {
        let finished = run_program(&gilvm_bin(), &["run"], path);
        assert!(!finished.timed_out, "{} did not finish within {RUN_TIMEOUT:?}", path.display());
        insta::assert_snapshot!(finished.describe(path));
    });
}

/// Runs `gilvm ARGS...` from a fresh temporary directory.
fn gilvm(args: &[&str]) -> Finished {
    let mut command = Command::new(gilvm_bin());
    command.args(args).current_dir(std::env::temp_dir());
    run_with_timeout(&mut command, RUN_TIMEOUT)
}

/// Runs `gilvm run -c CODE` and checks its stdout and exit status.
fn check_c(code: &str, expected_stdout: &str, expected_status: i32) {
    let finished = gilvm(&["run", "-c", code]);
    assert_eq!(finished.stdout, expected_stdout, "stdout of -c {code:?}; stderr:\n{}", finished.stderr);
    assert_eq!(finished.code, Some(expected_status), "exit status of -c {code:?}; stderr:\n{}", finished.stderr);
}

/// A scratch directory for tests that need a program file, unique per test.
fn scratch_dir(test_name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("gilvm-tests-{}-{test_name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

#[test]
fn version_prints_name_and_version() {
    let finished = gilvm(&["--version"]);
    assert_eq!(finished.code, Some(0));
    assert_eq!(finished.stdout, format!("gilvm {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn help_mentions_subcommands_and_examples() {
    let finished = gilvm(&["--help"]);
    assert_eq!(finished.code, Some(0), "stderr:\n{}", finished.stderr);
    for needle in ["run", "dis", "Examples:", "gilvm run -c", "gilvm dis"] {
        assert!(finished.stdout.contains(needle), "--help lacks {needle:?}:\n{}", finished.stdout);
    }
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let finished = gilvm(&["--no-such-flag"]);
    assert_eq!(finished.code, Some(2));
    assert!(finished.stderr.contains("--no-such-flag"), "stderr:\n{}", finished.stderr);
    let finished = gilvm(&["run", "--no-such-flag", "x.py"]);
    assert_eq!(finished.code, Some(2), "stderr:\n{}", finished.stderr);
}

#[test]
fn missing_subcommand_argument_is_a_usage_error() {
    assert_eq!(gilvm(&["run"]).code, Some(2));
    assert_eq!(gilvm(&["dis"]).code, Some(2));
}

#[test]
fn missing_file_exits_2_with_cant_open_file() {
    for subcommand in ["run", "dis"] {
        let finished = gilvm(&[subcommand, "no_such_program.py"]);
        assert_eq!(finished.code, Some(2), "gilvm {subcommand}: stderr:\n{}", finished.stderr);
        assert_eq!(finished.stdout, "");
        assert!(
            finished.stderr.starts_with("gilvm: can't open file '")
                && finished.stderr.contains("no_such_program.py': [Errno 2] No such file or directory"),
            "gilvm {subcommand}: stderr:\n{}",
            finished.stderr
        );
    }
}

#[test]
fn dash_c_runs_code() {
    check_c("print(sum(range(10)))", "45\n", 0);
    check_c("x = 6\nfor i in range(2):\n    x *= 7\nprint(x)", "294\n", 0);
}

#[test]
fn dash_c_errors_exit_1() {
    check_c("print('before')\n1 / 0", "before\n", 1);
    check_c("x = (", "", 1);
    let finished = gilvm(&["run", "-c", "x = ("]);
    assert!(finished.stderr.contains("File \"<string>\", line 1"), "stderr:\n{}", finished.stderr);
    assert!(finished.stderr.ends_with("SyntaxError: '(' was never closed\n"), "stderr:\n{}", finished.stderr);
}

#[test]
fn dash_c_sys_exit_sets_status() {
    check_c("import sys\nsys.exit(3)", "", 3);
    check_c("import sys\nsys.exit()", "", 0);
    let finished = gilvm(&["run", "-c", "import sys\nsys.exit('bye')"]);
    assert_eq!(finished.code, Some(1));
    assert_eq!(finished.stderr, "bye\n");
}

/// Like `python3 -c CODE a b`: sys.argv is ['-c', 'a', 'b'].
#[test]
fn dash_c_passes_arguments_in_sys_argv() {
    let finished = gilvm(&["run", "-c", "import sys; print(sys.argv)", "a", "b"]);
    assert_eq!(finished.stderr, "");
    assert_eq!(finished.stdout, "['-c', 'a', 'b']\n");
    assert_eq!(finished.code, Some(0));
}

#[test]
fn script_arguments_land_in_sys_argv() {
    let dir = scratch_dir("argv");
    std::fs::write(dir.join("prog.py"), "import sys\nprint(sys.argv)\n").expect("write prog.py");
    let mut command = Command::new(gilvm_bin());
    command.args(["run", "prog.py", "a", "b c", "-x", "--flag"]).current_dir(&dir);
    let finished = run_with_timeout(&mut command, RUN_TIMEOUT);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(finished.stderr, "");
    assert_eq!(finished.stdout, "['prog.py', 'a', 'b c', '-x', '--flag']\n");
    assert_eq!(finished.code, Some(0));
}

/// With `-u`, output reaches the pipe while the program is still running.
#[test]
fn dash_u_makes_stdout_unbuffered() {
    let mut child = Command::new(gilvm_bin())
        .args(["run", "-u", "-c", "import time\nprint('ready')\ntime.sleep(30)\nprint('done')"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start gilvm");
    let stdout = child.stdout.take().expect("piped stdout");
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = sender.send(line);
    });
    let first_line = receiver.recv_timeout(Duration::from_secs(10));
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(first_line.as_deref(), Ok("ready\n"), "with -u, 'ready' should arrive before the program ends");
}

/// Output is flushed before anything goes to stderr, so a user watching both streams
/// sees them in the order the program wrote them (as with CPython on a terminal).
#[test]
fn stdout_is_flushed_before_stderr_output() {
    let code = "import sys\nprint('one')\nprint('two', file=sys.stderr)\nprint('three')\nraise ValueError('four')";
    let mut command = Command::new("sh");
    command.args(["-c", "\"$0\" run -c \"$1\" 2>&1"]).arg(gilvm_bin()).arg(code);
    let finished = run_with_timeout(&mut command, RUN_TIMEOUT);
    assert_eq!(finished.code, Some(1));
    let combined = &finished.stdout;
    assert!(combined.starts_with("one\ntwo\nthree\nTraceback (most recent call last):\n"), "output:\n{combined}");
    assert!(combined.ends_with("\nValueError: four\n"), "output:\n{combined}");
}

/// CPython cannot show source lines for `-c` code: a traceback frame in "<string>" is
/// only the `File` line.
#[test]
fn dash_c_traceback_has_no_source_lines() {
    let finished = gilvm(&["run", "-c", "def f():\n    return 1 / 0\nf()"]);
    assert_eq!(finished.code, Some(1));
    let expected = "Traceback (most recent call last):\n  File \"<string>\", line 3, in <module>\n  File \"<string>\", line 2, in f\nZeroDivisionError: division by zero\n";
    assert_eq!(finished.stderr, expected);
}
