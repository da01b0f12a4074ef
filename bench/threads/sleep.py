# Benchmark: 4 workers that each sleep 5 x 50 ms, one after another (`seq`) or in 4 threads.
import sys
import threading
import time

THREADS = 4


def worker():
    for _ in range(5):
        time.sleep(0.05)


mode = sys.argv[1] if len(sys.argv) > 1 else "threads"
if mode == "seq":
    for _ in range(THREADS):
        worker()
else:
    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
print("done")
