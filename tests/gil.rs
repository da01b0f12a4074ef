//! The GIL flags: every thread program prints the same stdout under every switch policy,
//! switch points, handoff and `--gil off` (their output is scheduling-independent by
//! design); bad flag values are usage errors; `--stats` reports every thread.

mod util;

use std::process::Command;

use util::{gilvm_bin, python_files, repo_root, run_program, run_with_timeout, RUN_TIMEOUT};

/// Flag sets that change how threads interleave, each unlike the default.
const FLAG_SETS: &[&[&str]] = &[
    &["--gil", "off"],
    &["--switch-interval", "100", "--switch-points", "any", "--handoff", "fair"],
    &["--switch-interval", "50us", "--handoff", "fair"],
    &["--switch-interval", "1000", "--stats"],
];

#[test]
fn thread_programs_print_the_same_under_every_policy() {
    let mut programs = Vec::new();
    for dir in ["threads", "gil", "sync", "queue"] {
        programs.extend(python_files(&repo_root().join("programs").join(dir)));
    }
    // deadlock.py is meant to deadlock (and prints the report under every policy).
    programs.retain(|p| !std::fs::read_to_string(p).unwrap_or_default().contains(util::SCHEDULING_MARKER));
    let mut failures = Vec::new();
    for program in &programs {
        let baseline = run_program(&gilvm_bin(), &["run"], program);
        assert_eq!(baseline.code, Some(0), "{}: {}", program.display(), baseline.stderr);
        for flags in FLAG_SETS {
            let mut args = vec!["run"];
            args.extend_from_slice(flags);
            let other = run_program(&gilvm_bin(), &args, program);
            if other.code != Some(0) || other.stdout != baseline.stdout {
                failures.push(format!(
                    "{} with {flags:?}: exit {}\n--- default stdout ---\n{}--- stdout ---\n{}--- stderr ---\n{}",
                    program.display(),
                    other.status_text(),
                    baseline.stdout,
                    other.stdout,
                    other.stderr
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn gilvm(args: &[&str]) -> util::Finished {
    let mut command = Command::new(gilvm_bin());
    command.args(args).current_dir(std::env::temp_dir());
    run_with_timeout(&mut command, RUN_TIMEOUT)
}

#[test]
fn bad_flag_values_are_usage_errors() {
    for (flag, value) in [
        ("--switch-interval", "0"),
        ("--switch-interval", "5xs"),
        ("--switch-interval", "-1ms"),
        ("--gil", "maybe"),
        ("--switch-points", "some"),
        ("--handoff", "polite"),
    ] {
        let finished = gilvm(&["run", &format!("{flag}={value}"), "-c", "pass"]);
        assert_eq!(finished.code, Some(2), "{flag} {value}: {}", finished.stderr);
        assert!(finished.stderr.contains(flag), "{flag} {value}: {}", finished.stderr);
    }
    let finished = gilvm(&["run", "--stats=xml", "-c", "pass"]);
    assert_eq!(finished.code, Some(2), "{}", finished.stderr);
}

const TWO_THREADS: &str = "import threading, time\n\
def work():\n    time.sleep(0.01)\n    n = 0\n    while n < 1000:\n        n += 1\n\
t = threading.Thread(target=work, name='worker')\nt.start()\nt.join()\nprint('done')\n";

#[test]
fn stats_report_every_thread() {
    let finished = gilvm(&["run", "--stats", "-c", TWO_THREADS]);
    assert_eq!(finished.code, Some(0), "{}", finished.stderr);
    assert_eq!(finished.stdout, "done\n");
    let lines: Vec<&str> = finished.stderr.lines().collect();
    assert!(lines[0].starts_with("gilvm stats: GIL on, switch interval 5ms"), "{}", finished.stderr);
    assert!(lines[1].starts_with("thread") && lines[1].contains("instructions"), "{}", finished.stderr);
    assert!(lines[2].starts_with("MainThread"), "{}", finished.stderr);
    let worker: Vec<&str> = lines[3].split_whitespace().collect();
    assert_eq!(worker[0], "worker", "{}", finished.stderr);
    // The loop alone runs a few thousand instructions; the sleep is a voluntary release.
    assert!(worker[1].parse::<u64>().unwrap() > 3000, "{}", finished.stderr);
    assert!(worker[7].parse::<u64>().unwrap() >= 1, "{}", finished.stderr);
    assert!(lines[4].starts_with("total: wall "), "{}", finished.stderr);
}

#[test]
fn stats_json_has_the_documented_fields() {
    let finished = gilvm(&["run", "--stats=json", "--switch-interval", "100", "-c", TWO_THREADS]);
    assert_eq!(finished.code, Some(0), "{}", finished.stderr);
    let json = finished.stderr.trim();
    assert!(json.starts_with('{') && json.ends_with('}'), "{json}");
    for key in [
        "\"scheduler\": \"real\"",
        "\"policy\": \"instructions\"",
        "\"switch_instructions\": 100",
        "\"switches\":",
        "\"gil_held_share\":",
        "\"name\": \"MainThread\"",
        "\"name\": \"worker\"",
        "\"voluntary_releases\":",
        "\"blocked_sleep_s\":",
    ] {
        assert!(json.contains(key), "missing {key}: {json}");
    }
}

#[test]
fn switch_interval_from_the_script() {
    let code = "import sys\nprint(sys.getswitchinterval())\nsys.setswitchinterval(0.001)\n\
                print(sys.getswitchinterval())\ntry:\n    sys.setswitchinterval(0)\n\
                except ValueError as e:\n    print(e)\ntry:\n    sys.setswitchinterval('x')\n\
                except TypeError as e:\n    print(e)\n";
    let finished = gilvm(&["run", "-c", code]);
    assert_eq!(
        finished.stdout, "0.005\n0.001\nswitch interval must be strictly positive\nmust be real number, not str\n",
        "{}",
        finished.stderr
    );
    let finished = gilvm(&["run", "--switch-interval", "2ms", "-c", "import sys; print(sys.getswitchinterval())"]);
    assert_eq!(finished.stdout, "0.002\n");
}

/// A daemon thread still running at exit is abandoned: the process ends at once and
/// nothing it prints afterwards appears.
#[test]
fn daemon_threads_are_abandoned_at_exit() {
    let code = "import threading, time\n\
def spin():\n    while True:\n        print('daemon output')\n        time.sleep(0.001)\n\
t = threading.Thread(target=spin, daemon=True)\nt.start()\ntime.sleep(0.05)\nprint('main done')\n";
    for flags in [&[][..], &["--gil", "off"][..]] {
        let mut args = vec!["run"];
        args.extend_from_slice(flags);
        args.extend_from_slice(&["-c", code]);
        let finished = gilvm(&args);
        assert_eq!(finished.code, Some(0), "{flags:?}: {}", finished.stderr);
        // With the GIL off a daemon may still print between main's last line and exit.
        if flags.is_empty() {
            assert!(finished.stdout.ends_with("main done\n"), "{}", finished.stdout);
        } else {
            assert!(finished.stdout.contains("main done\n"), "{}", finished.stdout);
        }
    }
}

/// Ctrl-C reaches the main thread as KeyboardInterrupt while it sleeps, waits for a lock,
/// a queue or a thread, or runs a loop; the traceback ends in KeyboardInterrupt; exit
/// status 130.
#[test]
fn ctrl_c_interrupts_the_main_thread() {
    use std::io::{BufRead, BufReader, Read};
    let cases = [
        ("sleep", "import time\nprint('ready', flush=True)\ntime.sleep(30)\n"),
        (
            "lock",
            "import threading, time\nl = threading.Lock()\nl.acquire()\n\
             threading.Thread(target=time.sleep, args=(60,), daemon=True).start()\n\
             print('ready', flush=True)\nl.acquire()\n",
        ),
        (
            "queue",
            "import queue, threading, time\nq = queue.Queue()\n\
             threading.Thread(target=time.sleep, args=(60,), daemon=True).start()\n\
             print('ready', flush=True)\nq.get()\n",
        ),
        (
            "join",
            "import threading, time\nt = threading.Thread(target=time.sleep, args=(60,), daemon=True)\n\
             t.start()\nprint('ready', flush=True)\nt.join()\n",
        ),
        ("loop", "print('ready', flush=True)\nwhile True:\n    pass\n"),
    ];
    for (name, code) in cases {
        let mut child = Command::new(gilvm_bin())
            .args(["run", "-c", code])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start gilvm");
        let mut stdout = BufReader::new(child.stdout.take().expect("piped"));
        let mut line = String::new();
        stdout.read_line(&mut line).expect("read ready");
        assert_eq!(line, "ready\n", "{name}");
        // The program is now blocked (or looping) on its last line; the signal may come
        // at any moment of that, and must interrupt it whenever it comes.
        std::thread::sleep(std::time::Duration::from_millis(100));
        // SAFETY: sends SIGINT to our own child process.
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
        let mut stderr = String::new();
        child.stderr.take().expect("piped").read_to_string(&mut stderr).expect("read stderr");
        let status = child.wait().expect("wait");
        assert_eq!(status.code(), Some(130), "{name}: {stderr}");
        assert!(stderr.ends_with("KeyboardInterrupt\n"), "{name}: {stderr}");
    }
}
