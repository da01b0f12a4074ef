# PriorityQueue is a heapq heap ordered with `<`, so items that compare equal come out
# in heapq's order (not insertion order), exactly as in CPython.
import queue


class Job:
    def __init__(self, priority, n):
        self.priority = priority
        self.n = n

    def __lt__(self, other):
        return self.priority < other.priority


q = queue.PriorityQueue()
for i in range(5):
    q.put(Job(1, i))
print("equal priorities:", [q.get().n for _ in range(5)])

q = queue.PriorityQueue()
for i, p in enumerate([3, 1, 2, 1, 3, 2, 1, 0, 2, 3, 1, 0]):
    q.put(Job(p, i))
print("mixed:", [(j.priority, j.n) for j in (q.get() for _ in range(q.qsize()))])

# Interleaved puts and gets.
q = queue.PriorityQueue()
out = []
for i in range(20):
    q.put(Job(i % 3, i))
    if i % 4 == 3:
        out.append(q.get().n)
while not q.empty():
    out.append(q.get().n)
print("interleaved:", out)

# Plain values and (priority, item) tuples.
q = queue.PriorityQueue()
for x in [5, 3, 8, 1, 9, 2, 7]:
    q.put(x)
print("ints:", [q.get_nowait() for _ in range(7)])
q = queue.PriorityQueue()
for t in [(2, "b"), (1, "z"), (2, "a"), (1, "y")]:
    q.put(t)
print("tuples:", [q.get() for _ in range(4)])

# A failing comparison: the item stays in the heap (qsize counts it), as in CPython.
q = queue.PriorityQueue()
q.put(1)
try:
    q.put("x")
except TypeError as e:
    print("TypeError:", e)
print("qsize after the failed put:", q.qsize())
q.task_done()
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)
