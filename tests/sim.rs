//! The simulated scheduler (`--sched sim`): every example program is reproducible (same
//! stdout, stderr and `--stats` on every run), seeds change interleavings, the GIL
//! phenomena show up in virtual time, and every program's full output under the
//! simulator is snapshot-tested.

mod util;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use util::{gilvm_bin, python_files, repo_root, run_with_timeout, Finished, RUN_TIMEOUT};

/// Runs `gilvm run --sched sim FLAGS program ARGS` from the program's directory.
fn sim_run(program: &Path, flags: &[&str], args: &[&str]) -> Finished {
    let dir = program.parent().expect("program has a directory");
    let mut command = Command::new(gilvm_bin());
    command.args(["run", "--sched", "sim"]).args(flags).arg(program.file_name().expect("file name")).args(args);
    command.current_dir(dir);
    run_with_timeout(&mut command, RUN_TIMEOUT)
}

/// Every program's full output (timings included) and `--stats`, under the simulator.
#[test]
fn sim_snapshots() {
    insta::glob!("../programs", "**/*.py", |path| {
        let finished = sim_run(path, &["--stats"], &[]);
        assert!(!finished.timed_out, "{} did not finish", path.display());
        insta::assert_snapshot!(finished.describe(path));
    });
}

/// Two runs with the same flags print exactly the same, `--stats` included.
#[test]
fn every_program_is_reproducible() {
    let programs = python_files(&repo_root().join("programs"));
    let next = Mutex::new(programs.iter());
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| loop {
                let Some(program) = next.lock().unwrap().next() else { break };
                for flags in [&["--stats"][..], &["--stats=json", "--seed", "3", "--switch-points", "any"][..]] {
                    let first = sim_run(program, flags, &[]).describe(program);
                    let second = sim_run(program, flags, &[]).describe(program);
                    if first != second {
                        failures.lock().unwrap().push(format!("{} {flags:?}", program.display()));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(failures.is_empty(), "not reproducible: {failures:?}");
}

fn gil_program(name: &str) -> PathBuf {
    repo_root().join("programs/gil").join(name)
}

/// `counter_race.py` under `--switch-points any`: the seed decides the interleaving.
#[test]
fn seeds_give_different_interleavings() {
    let program = gil_program("counter_race.py");
    let outputs: Vec<String> = (1..=4)
        .map(|seed| sim_run(&program, &["--switch-points", "any", "--seed", &seed.to_string()], &[]).stdout)
        .collect();
    assert!(outputs.iter().any(|o| o != &outputs[0]), "all seeds gave the same output:\n{}", outputs[0]);
    let again = sim_run(&program, &["--switch-points", "any", "--seed", "2"], &[]).stdout;
    assert_eq!(again, outputs[1], "the same seed must give the same output");
}

/// The number after `label` on the last line that starts with it.
fn number_after(text: &str, label: &str) -> f64 {
    let line = text.lines().rfind(|l| l.starts_with(label)).unwrap_or_else(|| panic!("no {label:?} in:\n{text}"));
    let value = line[label.len()..].split_whitespace().next().expect("a number");
    value.trim_end_matches('x').parse().unwrap_or_else(|_| panic!("bad number in {line:?}"))
}

#[test]
fn cpu_bound_threads_gain_nothing_with_the_gil() {
    for interval in ["100", "1000", "100us", "1ms", "5ms", "50ms"] {
        let out = sim_run(&gil_program("cpu_bound.py"), &["--switch-interval", interval], &[]).stdout;
        let (one, four) = (number_after(&out, "one thread:   "), number_after(&out, "4 threads:    "));
        assert!(four >= 0.95 * one, "--switch-interval {interval}: 4 threads {four} s vs one {one} s");
    }
}

#[test]
fn cpu_bound_threads_run_in_parallel_without_the_gil() {
    let out = sim_run(&gil_program("cpu_bound.py"), &["--gil", "off", "--cores", "4"], &[]).stdout;
    let (one, four) = (number_after(&out, "one thread:   "), number_after(&out, "4 threads:    "));
    assert!(four <= 0.3 * one, "4 threads {four} s vs one {one} s");
}

#[test]
fn io_bound_threads_overlap() {
    let out = sim_run(&gil_program("io_bound.py"), &[], &[]).stdout;
    let (seq, threads) = (number_after(&out, "sequential: "), number_after(&out, "threaded:   "));
    assert!(threads <= 0.3 * seq, "threaded {threads} s vs sequential {seq} s");
}

#[test]
fn convoy_delay_is_one_switch_interval() {
    for (flag, interval_ms) in [("5ms", 5.0), ("2ms", 2.0)] {
        let out = sim_run(&gil_program("convoy.py"), &["--switch-interval", flag], &[]).stdout;
        let delay = number_after(&out, "median extra delay beside CPU:   ");
        assert!((delay - interval_ms).abs() <= 0.1 * interval_ms, "--switch-interval {flag}: delay {delay} ms");
    }
}

/// Virtual time: a program that sleeps 10 s finishes at once and reports 10 s.
#[test]
fn sleeping_takes_virtual_time_only() {
    let mut command = Command::new(gilvm_bin());
    command.args([
        "run",
        "--sched",
        "sim",
        "-c",
        "import time\nt = time.monotonic()\ntime.sleep(10)\nprint(time.monotonic() - t)",
    ]);
    let finished = run_with_timeout(&mut command, RUN_TIMEOUT);
    let slept: f64 =
        finished.stdout.trim().parse().unwrap_or_else(|_| panic!("{}{}", finished.stdout, finished.stderr));
    // The calls around the sleep take a few virtual nanoseconds too.
    assert!((10.0..10.001).contains(&slept), "slept {slept}");
    assert!(finished.elapsed.as_secs_f64() < 5.0, "took {:?}", finished.elapsed);
}

#[test]
fn simulator_flags_need_sched_sim() {
    for flag in ["--instr-ns=5", "--cores=2", "--seed=1", "--io-ns=10"] {
        let mut command = Command::new(gilvm_bin());
        command.args(["run", flag, "-c", "pass"]);
        let finished = run_with_timeout(&mut command, RUN_TIMEOUT);
        assert_eq!(finished.code, Some(2), "{flag}: {}", finished.stderr);
        assert!(finished.stderr.contains("needs --sched sim"), "{flag}: {}", finished.stderr);
    }
}

/// Every thread blocked for good: the simulator says so instead of hanging.
#[test]
fn a_deadlock_is_reported() {
    let code = "import threading\nl = threading.Lock()\nl.acquire()\n\
                t = threading.Thread(target=l.acquire, name='worker')\nt.start()\nt.join()\n";
    let mut command = Command::new(gilvm_bin());
    command.args(["run", "--sched", "sim", "-c", code]);
    let finished = run_with_timeout(&mut command, RUN_TIMEOUT);
    assert_eq!(finished.code, Some(1), "{}", finished.stderr);
    assert!(finished.stderr.starts_with("gilvm: deadlock detected"), "{}", finished.stderr);
    assert!(finished.stderr.contains("worker waits on a lock held by MainThread"), "{}", finished.stderr);
}

/// `--stats=json` splits blocked time by object kind, in virtual time.
#[test]
fn stats_split_blocked_time_by_object_kind() {
    let code = "import queue, threading, time\nq = queue.Queue()\ne = threading.Event()\n\
                def consumer():\n    q.get()\n    e.wait()\n\
                t = threading.Thread(target=consumer, name='consumer')\nt.start()\n\
                time.sleep(0.25)\nq.put(1)\ntime.sleep(0.5)\ne.set()\nt.join()\n";
    let mut command = Command::new(gilvm_bin());
    command.args(["run", "--sched", "sim", "--stats=json", "-c", code]);
    let finished = run_with_timeout(&mut command, RUN_TIMEOUT);
    assert_eq!(finished.code, Some(0), "{}", finished.stderr);
    let consumer = finished.stderr.split("\"name\": \"consumer\"").nth(1).expect("a consumer entry");
    let seconds = |key: &str| -> f64 {
        let rest = consumer.split(&format!("\"{key}\": ")).nth(1).unwrap_or_else(|| panic!("no {key}"));
        rest.split(|c| c == ',' || c == '}').next().unwrap().parse().unwrap()
    };
    assert!((seconds("blocked_queue_s") - 0.25).abs() < 0.01, "{consumer}");
    assert!((seconds("blocked_event_s") - 0.5).abs() < 0.01, "{consumer}");
    assert_eq!(seconds("blocked_lock_s"), 0.0, "{consumer}");
}

/// The instruction policy's GIL battle (greedy handoff, 2 or more cores) is lost by the
/// waiter most of the time, never always: a main thread that spins until a new thread has
/// run must see it run, as under the real scheduler.
#[test]
fn a_spinning_thread_lets_the_gil_battle_end() {
    let code = "import threading\nflag = []\nthreading.Thread(target=lambda: flag.append(1)).start()\n\
                while not flag:\n    pass\nprint('ok')\n";
    for flags in [
        &["--switch-interval", "1"][..],
        &["--switch-interval", "100"],
        &["--switch-interval", "1000", "--switch-points", "any"],
        &["--switch-interval", "100", "--seed", "11"],
    ] {
        let mut command = Command::new(gilvm_bin());
        command.args(["run", "--sched", "sim"]).args(flags).args(["-c", code]);
        let finished = run_with_timeout(&mut command, RUN_TIMEOUT);
        assert!(!finished.timed_out, "{flags:?}: the spinning main thread starved the other");
        assert_eq!(finished.stdout, "ok\n", "{flags:?}: {}", finished.stderr);
    }
}
