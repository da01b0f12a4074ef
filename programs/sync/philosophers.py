# Dining philosophers: fixed with one global lock order; `--deadlock` shows the classic deadlock.
# Ports seeds/002_73fc9ba16e07fe02.txt, section "Deadlock" (a resource requested by several
# parties that never release what they hold); the note has no code, so this is the
# textbook example. Five philosophers share five forks (Locks); each needs both forks
# next to them to eat. By default every philosopher picks up the lower-numbered fork
# first, a single global order, so no cycle of waits can form, and each eats 4 times.
# With the argument --deadlock each one picks up the left fork first, and a Barrier makes
# all five hold their left fork before anyone reaches for the right one: a certain
# deadlock (never finishes under python3; gilvm reports it and exits with status 1).
import sys
import threading
import time

N = 5
MEALS = 4
DEADLOCK = '--deadlock' in sys.argv
forks = [threading.Lock() for _ in range(N)]
meals = [0] * N
eating = set()
state_lock = threading.Lock()
neighbours_clash = []
max_eating = [0]
all_hold_left = threading.Barrier(N)


def eat(i):
    with state_lock:
        if (i - 1) % N in eating or (i + 1) % N in eating:
            neighbours_clash.append(i)
        eating.add(i)
        max_eating[0] = max(max_eating[0], len(eating))
    time.sleep(0.001)
    with state_lock:
        eating.discard(i)
        meals[i] += 1


def philosopher(i):
    left, right = i, (i + 1) % N
    if DEADLOCK:
        first, second = left, right
    else:
        first, second = min(left, right), max(left, right)
    for meal in range(MEALS):
        with forks[first]:
            if DEADLOCK and meal == 0:
                all_hold_left.wait()
            with forks[second]:
                eat(i)
        time.sleep(0.0005 * ((i + meal) % 3))  # think


if DEADLOCK:
    print('every philosopher picks up the left fork first')
else:
    print('every philosopher picks up the lower-numbered fork first')
threads = [threading.Thread(target=philosopher, args=(i,), name='philosopher-%d' % i) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for i in range(N):
    print('philosopher %d ate %d times' % (i, meals[i]))
print('neighbours never ate at the same time:', neighbours_clash == [])
print('at most 2 ate at once:', max_eating[0] <= 2)
print('all forks on the table:', not any(f.locked() for f in forks))
