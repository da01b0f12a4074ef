# threading.Barrier: 3 workers go through 3 phases; nobody starts a phase before all finished the last.
# Based on the Barrier row of the threading objects table in seeds/000_b287556471e6e9bb.txt
# ("a barrier: a given number of threads must arrive before any can go on"). The note has
# no Barrier code; this program is new. Barrier exists only in Python 3 (3.2+).
# What each thread does is recorded and printed in a fixed order after join(): which
# thread arrives last at the barrier differs from run to run.
import threading
import time

PARTIES = 3
PHASES = 3
log = []
log_lock = threading.Lock()
indices = {}
action_runs = []


def between_phases():
    # runs once per generation, in one of the threads, before any of them is released
    with log_lock:
        action_runs.append(len(log))


barrier = threading.Barrier(PARTIES, action=between_phases)


def worker(n):
    for phase in range(PHASES):
        with log_lock:
            log.append((phase, n))
        time.sleep(0.001 * ((n + phase) % 3))
        index = barrier.wait()
        with log_lock:
            indices.setdefault(phase, []).append(index)


print('parties:', barrier.parties, '| n_waiting:', barrier.n_waiting, '| broken:', barrier.broken)
threads = [threading.Thread(target=worker, args=(n,)) for n in range(PARTIES)]
for t in threads:
    t.start()
for t in threads:
    t.join()

phases_in_log_order = [phase for phase, n in log]
print('phases as entered:', phases_in_log_order)
print('no phase started before the previous one ended:', phases_in_log_order == sorted(phases_in_log_order))
for phase in range(PHASES):
    print('phase', phase, 'workers:', sorted(n for p, n in log if p == phase),
          '| wait() returned:', sorted(indices[phase]))
print('action ran once per generation, each time after a full phase:', action_runs)
print('after use: n_waiting:', barrier.n_waiting, '| broken:', barrier.broken)

# The barrier is reusable; the main thread can be one of the parties.
b2 = threading.Barrier(2)
got = []
t = threading.Thread(target=lambda: got.append(b2.wait()))
t.start()
mine = b2.wait()
t.join()
print('main + one thread: indices', sorted(got + [mine]))
