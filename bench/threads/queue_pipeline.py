# Benchmark: a Queue(maxsize=100) pipeline of 200,000 items from a producer to a consumer.
import queue
import threading

ITEMS = 200_000
q = queue.Queue(maxsize=100)
total = [0]


def producer():
    for i in range(ITEMS):
        q.put(i)
    q.put(None)


def consumer():
    s = 0
    while True:
        item = q.get()
        if item is None:
            break
        s += item
    total[0] = s


threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total[0] == ITEMS * (ITEMS - 1) // 2)
