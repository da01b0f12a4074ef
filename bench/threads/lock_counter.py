# Benchmark: 4 threads x 200,000 `with lock: counter += 1`.
import threading

THREADS = 4
ROUNDS = 200_000
counter = 0
lock = threading.Lock()


def work():
    global counter
    for _ in range(ROUNDS):
        with lock:
            counter += 1


threads = [threading.Thread(target=work) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
