# Event edge cases: wait(timeout) returning False, one set() releasing every waiter, isSet.
# Based on seeds/004_249857bcae2b796f.txt, section "Event" (wait() blocks until the flag is
# True, set() makes it True, clear() makes it False, isSet() tells its state) and the Event
# row of the threading tables in seeds/000 and seeds/001 ("any number of threads wait; when
# the event happens they are all woken"). Python 3: isSet() still works but is deprecated
# (a DeprecationWarning on stderr); is_set() is the new name. wait() returns the flag
# (Python 2.7+; it returned None before).
import time
import threading

e = threading.Event()
print('new Event: is_set() =', e.is_set(), '| isSet() =', e.isSet())
print('wait(0.01) on a clear event:', e.wait(0.01))
print('wait(0) on a clear event:', e.wait(0))
print('wait(timeout=-1) on a clear event:', e.wait(timeout=-1))
start = time.monotonic()
result = e.wait(0.03)
print('wait(0.03) returned', result, '| waited at least 0.025 s:', time.monotonic() - start >= 0.025)

e.set()
e.set()  # setting twice is harmless
print('after set(): is_set() =', e.is_set(), '| wait() =', e.wait(), '| wait(0) =', e.wait(0))
e.clear()
e.clear()
print('after clear():', e.is_set())

# One set() releases every thread waiting at that moment, and later waiters too.
gate = threading.Event()
results = []
results_lock = threading.Lock()


def waiter(n):
    got = gate.wait(5)
    with results_lock:
        results.append((n, got))


threads = [threading.Thread(target=waiter, args=(n,)) for n in range(6)]
for t in threads:
    t.start()
time.sleep(0.01)
gate.set()
for t in threads:
    t.join()
print('all six waiters released by one set():', sorted(results))
print('a waiter arriving after set() passes at once:', gate.wait(0))

# wait(timeout) in another thread gives up and returns False if nobody sets the event.
never = threading.Event()
box = []
t = threading.Thread(target=lambda: box.append(never.wait(0.02)))
t.start()
t.join()
print('a thread waiting 0.02 s on an event nobody sets got:', box)

# set() from another thread while the main thread waits
later = threading.Event()
timer = threading.Thread(target=lambda: (time.sleep(0.01), later.set()))
timer.start()
print('main waited for a set() from another thread:', later.wait(5))
timer.join()
