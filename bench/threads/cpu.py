# Benchmark: 4 CPU-bound countdowns, one after another (`seq`) or in 4 threads (`threads`).
import sys
import threading

N = 5_000_000
THREADS = 4


def countdown(n):
    while n > 0:
        n -= 1


mode = sys.argv[1] if len(sys.argv) > 1 else "threads"
if mode == "seq":
    for _ in range(THREADS):
        countdown(N)
else:
    threads = [threading.Thread(target=countdown, args=(N,)) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
print("done")
