#!/usr/bin/env python3
"""Thread benchmarks: gilvm (real OS threads) side by side with python3.

Usage: python3 bench/threads.py [--runs N] [--no-build]

Each scenario runs its script several times under both interpreters and reports median
wall times, peak RSS, and the goal from issue 3 with whether it holds:
  cpu     4 CPU-bound countdowns: threads vs sequential (GIL on: 0.9-1.1x; --gil off: >= 1.7x)
  sleep   4 threads x 5 x 50 ms sleeps vs sequential (>= 3.9x)
  many    10,000 threads sleep 0.5 s then append under a Lock (<= 1.0 s, <= 100 MB)
  lock    4 threads x 200,000 `with lock: counter += 1` (no slower than python3)
  fib     fib(27) in one thread, GIL on vs --gil off (at most 5% slower)
  convoy  programs/gil/convoy.py --switch-interval 5ms: median extra wake-up delay (4-6 ms)
  queue   a Queue(maxsize=100) pipeline of 200,000 items (no slower than python3)
  cond    Condition ping-pong between two threads, 50,000 rounds (no slower than python3)
  sim     --sched sim overhead: fib(27) at least 0.8x real-scheduler speed; the 10,000
          sleepers in at most 2 s of real time
Standard library only; measuring helpers come from bench/run.py.
"""

import argparse
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench  # noqa: E402

T = os.path.join(bench.BENCH_DIR, "threads")


def timed(argv, runs):
    results = bench.measure(argv, runs, 120, " ".join(argv[-2:]))
    if not results or not results[-1].ok:
        sys.exit("a benchmark run failed")
    return bench.median_seconds(results), bench.peak_mb(results), results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if not args.no_build:
        bench.build("cargo")
    bench.enable_subreaper()
    g, py, n = bench.DEFAULT_GILVM, "python3", args.runs
    rows = []

    def row(name, gilvm_value, python_value, goal, ok):
        rows.append((name, gilvm_value, python_value, goal, "ok" if ok else "MISSED"))

    cpu = os.path.join(T, "cpu.py")
    g_seq, _, _ = timed([g, "run", cpu, "seq"], n)
    g_thr, _, _ = timed([g, "run", cpu, "threads"], n)
    o_seq, _, _ = timed([g, "run", "--gil", "off", cpu, "seq"], n)
    o_thr, _, _ = timed([g, "run", "--gil", "off", cpu, "threads"], n)
    p_seq, _, _ = timed([py, cpu, "seq"], n)
    p_thr, _, _ = timed([py, cpu, "threads"], n)
    s_on, s_off, s_py = g_seq / g_thr, o_seq / o_thr, p_seq / p_thr
    row("cpu speedup, GIL on", "%.2fx" % s_on, "%.2fx" % s_py, "0.9-1.1x", 0.9 <= s_on <= 1.1)
    row("cpu speedup, --gil off", "%.2fx" % s_off, "-", ">= 1.7x", s_off >= 1.7)

    sleep = os.path.join(T, "sleep.py")
    g_seq, _, _ = timed([g, "run", sleep, "seq"], n)
    g_thr, _, _ = timed([g, "run", sleep, "threads"], n)
    p_seq, _, _ = timed([py, sleep, "seq"], n)
    p_thr, _, _ = timed([py, sleep, "threads"], n)
    s_g, s_py = g_seq / g_thr, p_seq / p_thr
    row("sleep speedup", "%.2fx" % s_g, "%.2fx" % s_py, ">= 3.9x", s_g >= 3.9)

    many = os.path.join(T, "many_sleepers.py")
    g_t, g_mb, _ = timed([g, "run", many], n)
    p_t, p_mb, _ = timed([py, many], n)
    row("10,000 sleepers, wall", "%.2f s" % g_t, "%.2f s" % p_t, "<= 1.0 s", g_t <= 1.0)
    row("10,000 sleepers, peak RSS", "%.0f MB" % g_mb, "%.0f MB" % p_mb, "<= 100 MB", g_mb <= 100)

    lock = os.path.join(T, "lock_counter.py")
    g_t, _, _ = timed([g, "run", lock], n)
    p_t, _, _ = timed([py, lock], n)
    row("lock counter, wall", "%.2f s" % g_t, "%.2f s" % p_t, "<= python3", g_t <= p_t)

    # Issue 5: sync objects and queues under load.
    for script, label in [("queue_pipeline.py", "Queue(100) pipeline, 200,000 items"),
                          ("condition_pingpong.py", "Condition ping-pong, 50,000 rounds")]:
        path = os.path.join(T, script)
        g_t, _, _ = timed([g, "run", path], n)
        p_t, _, _ = timed([py, path], n)
        row(label, "%.2f s" % g_t, "%.2f s" % p_t, "<= python3", g_t <= p_t)

    fib = os.path.join(bench.BENCH_DIR, "fib.py")
    on, _, _ = timed([g, "run", fib], n)
    off, _, _ = timed([g, "run", "--gil", "off", fib], n)
    row("fib(27) GIL on / --gil off", "%.3f" % (on / off), "-", "<= 1.05", on / off <= 1.05)

    # The simulated scheduler's overhead (issue 4): real time under --sched sim.
    sim_fib, _, _ = timed([g, "run", "--sched", "sim", fib], n)
    row("fib(27) speed, sim / real", "%.2fx" % (on / sim_fib), "-", ">= 0.8x", on / sim_fib >= 0.8)
    sim_many, _, _ = timed([g, "run", "--sched", "sim", many], n)
    row("10,000 sleepers under sim", "%.2f s" % sim_many, "-", "<= 2.0 s", sim_many <= 2.0)

    convoy = os.path.join(bench.REPO_ROOT, "programs", "gil", "convoy.py")
    delays = {}
    for label, argv in [("gilvm", [g, "run", "--switch-interval", "5ms", convoy]), ("python3", [py, convoy])]:
        _, _, results = timed(argv, n)
        values = []
        for r in results:
            m = re.search(r"median extra delay beside CPU:\s+([0-9.]+) ms", r.stdout.decode())
            values.append(float(m.group(1)))
        delays[label] = statistics.median(values)
    row("convoy median extra delay", "%.2f ms" % delays["gilvm"], "%.2f ms" % delays["python3"], "4-6 ms",
        4.0 <= delays["gilvm"] <= 6.0)

    widths = [max(len(str(r[i])) for r in rows + [("scenario", "gilvm", "python3", "goal", "status")]) for i in range(5)]
    header = ("scenario", "gilvm", "python3", "goal", "status")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))
    return 0 if all(r[4] == "ok" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
