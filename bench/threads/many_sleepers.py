# Benchmark: 10,000 threads that each sleep 0.5 s, then append to a shared list under a Lock.
import threading
import time

THREADS = 10_000
lock = threading.Lock()
results = []


def worker(i):
    time.sleep(0.5)
    with lock:
        results.append(i)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(results), sum(results) == THREADS * (THREADS - 1) // 2)
