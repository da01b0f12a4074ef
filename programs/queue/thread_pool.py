# A thread pool: one writer, N consumer threads that each take any number of items at a time.
# Ports the last exercise of seeds/004_249857bcae2b796f.txt, section "FAQ" ("change the
# producer-consumer code so that instead of one producer and one consumer there may be any
# number of consumer threads (a thread pool), each of which may process or consume any
# number of items at any moment"), built on that note's writer()/reader() example, and
# the thread-pool paragraph of seeds/002_73fc9ba16e07fe02.txt. Python 2 -> 3: `Queue`
# -> `queue`. The pool threads are created once and reused for every item; each takes
# one item with get() and then up to 2 more with get_nowait(). Which thread handles which
# item differs between runs, so only sorted results and totals are printed.
import queue
import threading
import time

POOL_SIZE = 4
ITEMS = 30
q = queue.Queue(maxsize=8)
handled = {}
handled_lock = threading.Lock()


def process(item):
    time.sleep(0.0005)
    return item * item


def consumer():
    name = threading.current_thread().name
    mine = []
    while True:
        batch = [q.get()]
        while batch[-1] is not None and len(batch) < 3:
            try:
                batch.append(q.get_nowait())
            except queue.Empty:
                break
        for item in batch:
            if item is not None:
                mine.append((item, process(item)))
            q.task_done()
        if batch[-1] is None:  # the stop marker: one per pool thread
            break
    with handled_lock:
        handled[name] = mine


def writer(loops):
    for i in range(loops):
        q.put(i)  # blocks while the queue holds 8 items


pool = [threading.Thread(target=consumer, name='pool-%d' % n) for n in range(POOL_SIZE)]
for t in pool:
    t.start()
w = threading.Thread(target=writer, args=(ITEMS,))
w.start()
w.join()
q.join()  # every item processed
print('all %d items processed; pool threads still alive: %d' % (ITEMS, sum(t.is_alive() for t in pool)))
for _ in pool:
    q.put(None)
for t in pool:
    t.join()

results = sorted(r for mine in handled.values() for r in mine)
print('results:', [square for item, square in results])
print('each item handled exactly once:', [item for item, square in results] == list(range(ITEMS)))
print('per-thread counts add up:', sum(len(mine) for mine in handled.values()) == ITEMS)
print('every pool thread reported:', sorted(handled))
print('queue empty:', q.empty())
