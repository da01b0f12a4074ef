# The same CPU-bound work in 2 threads under several sys.setswitchinterval values. A
# shorter interval means more switches (more overhead, and a thread waiting for the GIL
# gets it sooner); the total work and the result never change. Run with
# `gilvm run --stats programs/gil/switch_interval.py` to see the switches counted.
# Pass --check to print only what does not depend on timing (the snapshot tests do).
# gilvm-test-args: --check
import sys
import threading
import time

N = 300_000
CHECK = "--check" in sys.argv


def countdown(n, out, slot):
    total = 0
    while n > 0:
        total += n % 7
        n -= 1
    out[slot] = total


if not CHECK:
    # 0.005 unless --switch-interval says otherwise.
    print("switch interval at start:", sys.getswitchinterval())
for interval in [0.0001, 0.001, 0.005, 0.05]:
    sys.setswitchinterval(interval)
    out = [0, 0]
    threads = [threading.Thread(target=countdown, args=(N, out, i)) for i in range(2)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    line = f"interval {sys.getswitchinterval():.4f} s: results {out}"
    if not CHECK:
        line += f", {elapsed:.3f} s"
    print(line)
