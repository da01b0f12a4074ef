# threading.Timer: a Thread that waits `interval` seconds before calling its function; cancel().
# Based on the Timer row of the threading objects tables in seeds/000_b287556471e6e9bb.txt,
# seeds/001_031ed3a675c8cbbc.txt and seeds/004_249857bcae2b796f.txt ("like Thread, but it
# waits for a while before it starts running"). The notes have no Timer code; this program
# is new. Python 3: same API as Python 2 (Timer is a class; in Python 2 it was a factory
# function returning a _Timer).
import time
import threading

calls = []
calls_lock = threading.Lock()


def record(what, n=0, extra=None):
    with calls_lock:
        calls.append((what, n, extra))


t = threading.Timer(0.02, record, args=('fired', 1), kwargs={'extra': 'kw'})
print('Timer is a Thread subclass:', isinstance(t, threading.Thread))
print('interval / function / args / kwargs:', t.interval, t.function.__name__, t.args, t.kwargs)
print('name:', t.name, '| daemon:', t.daemon, '| alive before start:', t.is_alive())
start = time.monotonic()
t.start()
t.join()
elapsed = time.monotonic() - start
print('calls after join:', calls)
print('waited at least the interval:', elapsed >= 0.015)
print('alive after it fired:', t.is_alive())
t.cancel()  # cancelling a timer that already fired does nothing
print('cancel() after it fired changes nothing:', calls == [('fired', 1, 'kw')])

# Cancelled before the interval ends: the function never runs, and the thread ends early.
calls.clear()
t = threading.Timer(10, record, args=('never',))
t.start()
print('alive while waiting for its interval:', t.is_alive())
t.cancel()
t.join(5)
print('cancelled timer: alive after join:', t.is_alive(), '| calls:', calls)

# cancel() before start(): start() still works, and the function is not called.
t = threading.Timer(0.01, record, args=('never either',))
t.cancel()
t.start()
t.join()
print('cancelled before start: calls:', calls)

# Several timers: each fires once, after its own interval.
timers = [threading.Timer(0.005 * n, record, args=('timer', n)) for n in range(5)]
for tm in timers:
    tm.start()
for tm in timers:
    tm.join()
print('five timers fired:', sorted(calls))

# A timer may start a new timer from its function: a heartbeat that beats 3 times.
beats = []
done = threading.Event()


def heartbeat(n):
    beats.append(n)
    if n < 3:
        threading.Timer(0.005, heartbeat, args=(n + 1,)).start()
    else:
        done.set()


threading.Timer(0.005, heartbeat, args=(1,)).start()
print('heartbeat finished:', done.wait(5), beats)

# Timer(0, f) runs (almost) at once; a daemon Timer does not keep the program alive.
zero = threading.Timer(0, record, args=('zero',))
zero.start()
zero.join()
print('Timer(0, ...) fired:', ('zero', 0, None) in calls)
sleeper = threading.Timer(60, record, args=('daemon timer',))
sleeper.daemon = True
sleeper.start()
print('a daemon Timer of 60 s is left behind; the program exits anyway')
