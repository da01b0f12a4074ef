# I/O-bound threads overlap: a thread that sleeps (or waits for I/O) releases the GIL,
# so the others run meanwhile. 4 threads that each sleep 5 x 50 ms take about as long as
# one of them, while doing the same sleeps one after another takes 4 times as long.
# Pass --check to print only what does not depend on timing (the snapshot tests do).
# gilvm-test-args: --check
import sys
import threading
import time

THREADS = 4
NAPS = 5
NAP = 0.05
CHECK = "--check" in sys.argv


def worker(done, slot):
    for _ in range(NAPS):
        time.sleep(NAP)
        done[slot] += 1


def sequential():
    done = [0] * THREADS
    start = time.perf_counter()
    for i in range(THREADS):
        worker(done, i)
    return time.perf_counter() - start, done


def threaded():
    done = [0] * THREADS
    threads = [threading.Thread(target=worker, args=(done, i)) for i in range(THREADS)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, done


seq_time, seq_done = sequential()
thr_time, thr_done = threaded()
print("naps taken one after another:", seq_done)
print("naps taken in threads:       ", thr_done)
# Sleeping never takes less than asked, whatever the schedule.
print("sequential >= 4 x 5 x 50 ms:", seq_time >= THREADS * NAPS * NAP)
print("threaded >= 5 x 50 ms:      ", thr_time >= NAPS * NAP)
if not CHECK:
    print(f"sequential: {seq_time:.3f} s")
    print(f"threaded:   {thr_time:.3f} s")
    print(f"speedup:    {seq_time / thr_time:.2f}x")
