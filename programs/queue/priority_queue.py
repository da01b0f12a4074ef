# PriorityQueue: threads add jobs with priorities; a worker always gets the smallest first.
# Ports seeds/003_ccc6a1da6c01e119.txt, section "PriorityQueue" (the note ends at this
# heading, so the example is new), and the PriorityQueue row of the Queue module table
# in seeds/000_b287556471e6e9bb.txt. Python 2 -> 3: the module is `queue`, not `Queue`.
# Three producer threads put their jobs first (their order differs from run to run, the
# priority order does not); then one worker drains the queue, and a second round shows
# a worker that blocks in get() while jobs arrive, with a None sentinel to stop it.
import threading
from queue import PriorityQueue

jobs = PriorityQueue()


def producer(base, names):
    for k, name in enumerate(names):
        # (priority, sequence number, payload): the sequence number breaks ties, so the
        # payloads themselves are never compared
        jobs.put((base + k % 2, base * 10 + k, name))


producers = [
    threading.Thread(target=producer, args=(3, ['backup', 'report'])),
    threading.Thread(target=producer, args=(1, ['page on-call', 'restart db', 'alert'])),
    threading.Thread(target=producer, args=(2, ['rotate logs', 'send mail'])),
]
for t in producers:
    t.start()
for t in producers:
    t.join()
print('queued:', jobs.qsize())

done = []


def worker():
    while not jobs.empty():
        priority, seq, name = jobs.get()
        done.append((priority, name))
        jobs.task_done()


w = threading.Thread(target=worker)
w.start()
w.join()
jobs.join()
for priority, name in done:
    print(priority, name)


# Objects ordered by their own __lt__ (a heap only uses <).
class Job:
    def __init__(self, priority, description):
        self.priority = priority
        self.description = description

    def __lt__(self, other):
        return self.priority < other.priority


q = PriorityQueue()
for p, d in [(5, 'low'), (1, 'urgent'), (3, 'normal')]:
    q.put(Job(p, d))
print('by __lt__:', [q.get().description for _ in range(3)])

# Entries that cannot be compared fail when the heap compares them.
q = PriorityQueue()
q.put((1, {'a': 1}))
try:
    q.put((1, {'b': 2}))
except TypeError as e:
    print('TypeError:', e)

# A consumer blocked in get(): it wakes for each put, stops at the sentinel, which sorts
# last because every real job is put before it is.
q = PriorityQueue()
got = []


def consumer():
    while True:
        priority, item = q.get()
        if item is None:
            break
        got.append(item)


c = threading.Thread(target=consumer)
c.start()
for p in [4, 2, 9, 1]:
    q.put((p, 'job-%d' % p))
q.put((100, None))
c.join()
print('consumer got (in an order that depends on timing), sorted:', sorted(got))
