# Barrier rounds as CPython runs them: threads that arrive while a round is tripping
# (its action running, or its threads still leaving) wait for the next round; n_waiting
# is 0 once the barrier is broken; a waiter whose timeout passes during the action still
# gets through.
import threading
import time

# Four threads on a two-party barrier whose action takes a while: two rounds.
actions = []
b = threading.Barrier(2, action=lambda: (actions.append("tripped"), time.sleep(0.02)))
indices = []
lock = threading.Lock()


def arrive():
    i = b.wait()
    with lock:
        indices.append(i)


threads = [threading.Thread(target=arrive) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("indices:", sorted(indices), "actions:", len(actions), "n_waiting:", b.n_waiting)

# Three threads reuse a three-party barrier for five rounds.
b = threading.Barrier(3)
seen = []


def rounds():
    for r in range(5):
        i = b.wait()
        with lock:
            seen.append((r, i))


threads = [threading.Thread(target=rounds) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("rounds:", sorted(seen) == sorted((r, i) for r in range(5) for i in range(3)))

# A timeout breaks the barrier; n_waiting is then 0.
b = threading.Barrier(3)
threads = [threading.Thread(target=lambda: b.wait(0.05)) for _ in range(2)]
threading.excepthook = lambda args: None  # the two BrokenBarrierErrors are expected
for t in threads:
    t.start()
for t in threads:
    t.join()
threading.excepthook = threading.__excepthook__
print("after a timeout: broken", b.broken, "n_waiting", b.n_waiting, "repr broken:", "broken" in repr(b))
b.reset()
print("after reset: broken", b.broken, "n_waiting", b.n_waiting)

# abort() while a thread waits: it gets BrokenBarrierError, and n_waiting is 0.
b = threading.Barrier(2)
outcome = []


def aborted():
    try:
        b.wait()
    except threading.BrokenBarrierError:
        outcome.append("BrokenBarrierError")


t = threading.Thread(target=aborted)
t.start()
while b.n_waiting < 1:
    time.sleep(0.001)
print("waiting before abort:", b.n_waiting)
b.abort()
t.join()
print("after abort:", outcome, "broken", b.broken, "n_waiting", b.n_waiting)

# The waiter's 0.5 s timeout passes while the action sleeps 0.8 s; it still passes.
b = threading.Barrier(2, action=lambda: time.sleep(0.8))
results = []
t = threading.Thread(target=lambda: results.append(b.wait(0.5)))
t.start()
results.append(b.wait())
t.join()
print("timeout during the action:", sorted(results), "broken", b.broken)
