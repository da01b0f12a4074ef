# CPU-bound work does not get faster with threads when a GIL serialises them.
# The same countdown runs once in one thread, then split over 4 threads. With the GIL on,
# the threads take turns (every switch interval), so the total time stays about the same;
# with `gilvm run --gil off` they run in parallel on all cores.
# Pass --check to print only what does not depend on timing (the snapshot tests do).
# gilvm-test-args: --check
import sys
import threading
import time

N = 2_000_000
THREADS = 4
CHECK = "--check" in sys.argv


def countdown(n, results, slot):
    steps = 0
    while n > 0:
        n -= 1
        steps += 1
    results[slot] = steps


def sequential():
    results = [0]
    start = time.perf_counter()
    countdown(N, results, 0)
    return time.perf_counter() - start, results


def threaded():
    results = [0] * THREADS
    threads = [threading.Thread(target=countdown, args=(N // THREADS, results, i)) for i in range(THREADS)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, results


seq_time, seq_results = sequential()
thr_time, thr_results = threaded()
print(f"one thread:   {sum(seq_results)} steps")
print(f"{THREADS} threads:    {sum(thr_results)} steps ({', '.join(str(r) for r in thr_results)})")
if not CHECK:
    print(f"one thread:   {seq_time:.3f} s")
    print(f"{THREADS} threads:    {thr_time:.3f} s")
    print(f"speedup:      {seq_time / thr_time:.2f}x")
