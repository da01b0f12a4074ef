#!/usr/bin/env python3
"""Benchmark runner: gilvm against CPython (python3).

Usage:
    python3 bench/run.py [--runs N] [--gilvm PATH] [--python PATH] [--no-build]
                         [--flags "FLAGS"] [--json FILE] [--timeout SECONDS]
                         [programs...]

For every benchmark program it runs `gilvm run [FLAGS] prog.py` and
`python3 prog.py` N times each, checks that both print the same stdout,
and reports the median wall time and the peak RSS of each interpreter.

Programs default to every bench/*.py except this runner. A program may be
given as a path or as a bare name (`fib`, `fib.py`), looked up in bench/.

Extra gilvm flags:
  * A program can declare them in a comment line at the top of the file:
        # gilvm-flags: --gil off
    Several such lines make several variants; each variant is measured and
    reported as its own row (python3 runs once per program and is shared).
  * `--flags "..."` adds flags to every gilvm run (after the per-program ones);
    write a single flag as `--flags=--verbose` so argparse accepts it.
  The flags are placed between `run` and the program path.

Exit status: 0 when every run succeeded and every output matched;
1 when a program failed or an output differed (the table is still printed);
2 for setup problems (missing gilvm binary, failed build, bad arguments).

Standard library only. Peak RSS comes from the os.wait4() rusage of each
benchmark process (ru_maxrss: KiB on Linux, bytes on macOS). On Linux the
program is started through /bin/sh and re-parented to this runner (a child
subreaper), so the number does not include the runner's own memory; see
enable_subreaper(). Timing is wall-clock from spawn to reap.
"""

import argparse
import difflib
import json
import os
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
DEFAULT_GILVM = os.path.join(REPO_ROOT, "target", "release", "gilvm")
FLAGS_MARKER = "gilvm-flags:"
HEADER_LINES = 10  # how many leading lines are searched for flag comments


class RunResult:
    def __init__(self, argv, seconds, peak_bytes, returncode, stdout, stderr, timed_out):
        self.argv = argv
        self.seconds = seconds
        self.peak_bytes = peak_bytes
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.timed_out = timed_out

    @property
    def ok(self):
        return self.returncode == 0 and not self.timed_out


def die(message, status=2):
    print("run.py: error: " + message, file=sys.stderr)
    sys.exit(status)


def maxrss_to_bytes(value):
    # Linux reports KiB, macOS reports bytes.
    if sys.platform == "darwin":
        return value
    return value * 1024


def enable_subreaper():
    """Make this process the reaper of orphaned descendants (Linux only).

    On Linux a child's ru_maxrss also counts the memory of the process that
    forked it (the kernel folds the old address space's high-water mark into
    the child's maxrss at exec time), so a child spawned straight from this
    runner would report at least the runner's own RSS. To measure only the
    benchmark, /bin/sh (a small process) starts the program in the background
    and exits; the orphan is re-parented to this runner, which reaps it with
    os.wait4() and gets an accurate ru_maxrss.
    """
    if not sys.platform.startswith("linux") or not os.path.exists("/bin/sh"):
        return False
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_CHILD_SUBREAPER = 36
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


SUBREAPER = False


def wait_pid(pid):
    while True:
        try:
            _, status, rusage = os.wait4(pid, 0)
            return os.waitstatus_to_exitcode(status), rusage
        except InterruptedError:
            continue


def spawn_detached(argv, out, err, cwd):
    """Start argv as an orphan re-parented to us, in a new process group whose
    id is returned second; return (pid, pgid)."""
    r, w = os.pipe()
    script = '"$@" %d>&- & echo $! >&%d' % (w, w)
    try:
        sh = subprocess.Popen(["/bin/sh", "-c", script, "sh"] + argv, stdin=subprocess.DEVNULL,
                              stdout=out, stderr=err, cwd=cwd, pass_fds=(w,),
                              start_new_session=True)
    finally:
        os.close(w)
    with os.fdopen(r, "rb") as pipe:
        text = pipe.read().decode().strip()
    sh_code, _ = wait_pid(sh.pid)
    sh.returncode = sh_code
    if sh_code != 0 or not text.isdigit():
        raise OSError("could not start %s via /bin/sh" % argv[0])
    return int(text), sh.pid


def reap_strays():
    """Reap orphans that a killed benchmark left behind (we are their subreaper)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def display_name(path):
    rel = os.path.relpath(path, REPO_ROOT)
    return path if rel.startswith("..") else rel


def run_once(argv, timeout, cwd):
    """Run argv once; return wall time, peak RSS and outputs of that child only."""
    if not os.path.isabs(argv[0]) and os.sep not in argv[0]:
        found = shutil.which(argv[0])
        if found is None:
            return RunResult(argv, 0.0, 0, 127, b"", b"command not found", False)
        argv = [found] + argv[1:]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            if SUBREAPER:
                pid, pgid = spawn_detached(argv, out, err, cwd)
                proc = None
            else:
                proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out,
                                        stderr=err, cwd=cwd, start_new_session=True)
                pid = pgid = proc.pid
        except OSError as e:
            return RunResult(argv, 0.0, 0, 127, b"", str(e).encode(), False)
        timed_out = []

        def kill_group():
            try:
                os.killpg(pgid, signal.SIGKILL)
            except OSError:
                pass

        def on_timeout():
            timed_out.append(True)
            kill_group()

        timer = threading.Timer(timeout, on_timeout)
        timer.start()
        try:
            code, rusage = wait_pid(pid)
        except BaseException:
            kill_group()  # e.g. Ctrl-C: do not leave the benchmark running
            raise
        finally:
            timer.cancel()
        elapsed = time.perf_counter() - start
        if timed_out:
            kill_group()
        reap_strays()
        if proc is not None:
            proc.returncode = code  # tell Popen the child is already reaped
        out.seek(0)
        err.seek(0)
        return RunResult(argv, elapsed, maxrss_to_bytes(rusage.ru_maxrss), code,
                         out.read(), err.read(), bool(timed_out))


def read_flag_variants(path):
    """Return the list of flag lists declared by `# gilvm-flags:` header comments."""
    variants = []
    try:
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f):
                if lineno >= HEADER_LINES:
                    break
                stripped = line.strip()
                if not stripped.startswith("#"):
                    if stripped:
                        break
                    continue
                body = stripped.lstrip("#").strip()
                if body.startswith(FLAGS_MARKER):
                    variants.append(shlex.split(body[len(FLAGS_MARKER):]))
    except OSError as e:
        die("cannot read %s: %s" % (path, e))
    return variants or [[]]


def resolve_program(name):
    candidates = [name]
    if not os.path.isabs(name):
        candidates.append(os.path.join(BENCH_DIR, name))
        if not name.endswith(".py"):
            candidates.append(os.path.join(BENCH_DIR, name + ".py"))
    for c in candidates:
        if os.path.isfile(c):
            return os.path.abspath(c)
    die("benchmark program not found: %s" % name)


def default_programs():
    runners = {os.path.basename(__file__), "threads.py"}  # threads.py: the thread benchmarks' runner
    names = sorted(n for n in os.listdir(BENCH_DIR)
                   if n.endswith(".py") and n not in runners)
    return [os.path.join(BENCH_DIR, n) for n in names]


def build(cargo):
    print("building: %s build --release" % cargo, flush=True)
    try:
        rc = subprocess.call([cargo, "build", "--release"], cwd=REPO_ROOT)
    except OSError as e:
        die("could not run cargo: %s" % e)
    if rc != 0:
        die("cargo build --release failed with exit status %d" % rc)


def describe_failure(label, result):
    lines = ["  %s FAILED: %s" % (label, " ".join(shlex.quote(a) for a in result.argv))]
    if result.timed_out:
        lines.append("    timed out (killed)")
    else:
        lines.append("    exit status %d" % result.returncode)
    tail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-8:]
    lines.extend("    | " + t for t in tail)
    return "\n".join(lines)


def show_diff(expected, actual, label_a, label_b, limit=30):
    diff = list(difflib.unified_diff(
        expected.decode("utf-8", "replace").splitlines(),
        actual.decode("utf-8", "replace").splitlines(),
        label_a, label_b, lineterm=""))
    for line in diff[:limit]:
        print("    " + line)
    if len(diff) > limit:
        print("    ... (%d more diff lines)" % (len(diff) - limit))


def measure(argv, runs, timeout, label):
    results = []
    for i in range(runs):
        r = run_once(argv, timeout, REPO_ROOT)
        results.append(r)
        if not r.ok:
            print(describe_failure(label, r))
            break
    return results


def median_seconds(results):
    return statistics.median([r.seconds for r in results])


def peak_mb(results):
    return max(r.peak_bytes for r in results) / (1024 * 1024)


def fmt(value, spec):
    return "-" if value is None else format(value, spec)


def main():
    parser = argparse.ArgumentParser(
        description="Compare gilvm with python3 on the benchmark programs.")
    parser.add_argument("programs", nargs="*", help="benchmark programs (default: bench/*.py)")
    parser.add_argument("--runs", type=int, default=5, help="runs per interpreter (default 5)")
    parser.add_argument("--gilvm", default=DEFAULT_GILVM,
                        help="gilvm binary (default target/release/gilvm)")
    parser.add_argument("--python", default="python3", help="reference interpreter (default python3)")
    parser.add_argument("--no-build", action="store_true", help="skip `cargo build --release`")
    parser.add_argument("--cargo", default="cargo", help=argparse.SUPPRESS)
    parser.add_argument("--flags", default="",
                        help='extra gilvm flags for every program, e.g. --flags "--gil off"')
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="seconds before a single run is killed (default 300)")
    args = parser.parse_args()

    if args.runs < 1:
        die("--runs must be at least 1")
    programs = [resolve_program(p) for p in args.programs] or default_programs()
    if not programs:
        die("no benchmark programs found in %s" % BENCH_DIR)
    extra_flags = shlex.split(args.flags)

    if not args.no_build:
        build(args.cargo)
    gilvm = os.path.abspath(args.gilvm)
    if not os.path.isfile(gilvm):
        die("gilvm binary not found: %s (build it with `cargo build --release`, "
            "or pass --gilvm PATH)" % gilvm)
    if not os.access(gilvm, os.X_OK):
        die("gilvm binary is not executable: %s" % gilvm)

    global SUBREAPER
    SUBREAPER = enable_subreaper()
    print("gilvm:   %s" % gilvm)
    print("python:  %s" % args.python)
    print("runs:    %d per interpreter" % args.runs)
    if not SUBREAPER:
        print("note:    peak RSS may include this runner's own memory (no subreaper support)")
    print(flush=True)

    rows = []
    failures = 0
    mismatches = 0
    for prog in programs:
        name = display_name(prog)
        print("== %s" % name, flush=True)
        py_results = measure([args.python, prog], args.runs, args.timeout, "python3")
        py_ok = all(r.ok for r in py_results)
        if not py_ok:
            failures += 1
        for variant in read_flag_variants(prog):
            flags = variant + extra_flags
            label = name + (" [" + " ".join(flags) + "]" if flags else "")
            argv = [gilvm, "run"] + flags + [prog]
            gv_results = measure(argv, args.runs, args.timeout, "gilvm")
            gv_ok = all(r.ok for r in gv_results)
            status = "ok"
            if not gv_ok:
                failures += 1
                status = "FAIL"
            elif not py_ok:
                status = "PY-FAIL"
            else:
                outputs = set(r.stdout for r in gv_results)
                expected = py_results[0].stdout
                if outputs != {expected}:
                    mismatches += 1
                    status = "MISMATCH"
                    bad = next(r for r in gv_results if r.stdout != expected)
                    print("  !!! MISMATCH: gilvm stdout differs from python3 for %s" % label)
                    show_diff(expected, bad.stdout, "python3", "gilvm")
                if len(set(r.stdout for r in py_results)) != 1:
                    print("  note: python3 output varies between runs for %s" % name)
            row = {
                "program": name,
                "label": label,
                "gilvm_flags": flags,
                "status": status,
                "gilvm_runs_s": [round(r.seconds, 6) for r in gv_results],
                "python_runs_s": [round(r.seconds, 6) for r in py_results],
                "gilvm_median_s": median_seconds(gv_results) if gv_ok else None,
                "python_median_s": median_seconds(py_results) if py_ok else None,
                "gilvm_peak_mb": peak_mb(gv_results) if gv_ok else None,
                "python_peak_mb": peak_mb(py_results) if py_ok else None,
            }
            row["time_ratio"] = (row["gilvm_median_s"] / row["python_median_s"]
                                 if row["gilvm_median_s"] is not None and row["python_median_s"]
                                 else None)
            row["memory_ratio"] = (row["gilvm_peak_mb"] / row["python_peak_mb"]
                                   if row["gilvm_peak_mb"] is not None and row["python_peak_mb"]
                                   else None)
            rows.append(row)
            print("  %s: gilvm %s s, python3 %s s" % (
                status, fmt(row["gilvm_median_s"], ".3f"), fmt(row["python_median_s"], ".3f")),
                flush=True)

    headers = ["program", "gilvm s", "python3 s", "ratio", "gilvm MB", "python3 MB",
               "mem ratio", "status"]
    table = [headers]
    for row in rows:
        table.append([
            row["label"],
            fmt(row["gilvm_median_s"], ".3f"),
            fmt(row["python_median_s"], ".3f"),
            fmt(row["time_ratio"], ".2f"),
            fmt(row["gilvm_peak_mb"], ".1f"),
            fmt(row["python_peak_mb"], ".1f"),
            fmt(row["memory_ratio"], ".2f"),
            row["status"],
        ])
    widths = [max(len(r[i]) for r in table) for i in range(len(headers))]
    print()
    print("median wall time of %d runs; peak RSS is the maximum over the runs" % args.runs)
    for i, r in enumerate(table):
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:])]
        print("  ".join(cells).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))

    if args.json:
        report = {
            "gilvm": gilvm,
            "python": args.python,
            "runs": args.runs,
            "extra_flags": extra_flags,
            "rss_exact": SUBREAPER,
            "results": rows,
        }
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2)
            f.write("\n")
        print("\nwrote %s" % args.json)

    if failures or mismatches:
        print("\n!!! %d failed, %d with mismatched output" % (failures, mismatches),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
