# Semaphore and BoundedSemaphore edge cases and CPython's error messages.
# Based on seeds/002_73fc9ba16e07fe02.txt, section "Semaphore" (each acquire decrements the
# counter; at 0 other threads must wait until one releases), seeds/000_b287556471e6e9bb.txt,
# section "Semaphores" (P = acquire/wait, V = release/signal) and the BoundedSemaphore row
# ("it may not go above its initial value"). The notes have no code for these; the
# messages are CPython 3.11's. Python 3: acquire() gained `timeout` (3.2) and release()
# gained `n` (3.9).
import threading
import time


def attempt(label, f):
    try:
        result = f()
    except ValueError as e:
        print('%s -> ValueError: %s' % (label, e))
    else:
        print('%s -> %r' % (label, result))


attempt('Semaphore(-1)', lambda: threading.Semaphore(-1))
attempt('BoundedSemaphore(-1)', lambda: threading.BoundedSemaphore(-1))
attempt('Semaphore(0) is allowed', lambda: type(threading.Semaphore(0)).__name__)

s = threading.Semaphore(2)
print('Semaphore(2): acquire, acquire, non-blocking acquire:',
      s.acquire(), s.acquire(), s.acquire(blocking=False))
print('acquire(timeout=0.01) at zero:', s.acquire(timeout=0.01))
print('acquire(False) at zero:', s.acquire(False))
attempt('acquire(False, 1)', lambda: s.acquire(False, 1))
s.release()
print('after one release(): non-blocking acquire:', s.acquire(blocking=False))

# A plain Semaphore may be released more often than acquired: the counter just grows.
s = threading.Semaphore(1)
s.release()
s.release(2)  # release(n) adds n at once (Python 3.9+)
print('Semaphore(1) after release() and release(2): non-blocking acquires:',
      [s.acquire(False) for _ in range(5)])
attempt('release(0)', lambda: s.release(0))

# A BoundedSemaphore refuses to go above its initial value.
b = threading.BoundedSemaphore(2)
attempt('BoundedSemaphore(2).release() with nothing acquired', b.release)
b.acquire()
b.acquire()
b.release()
b.release()
attempt('third release() after two acquires', b.release)
b.acquire()
attempt('release(2) after one acquire', lambda: b.release(2))
print('still usable, non-blocking acquire:', b.acquire(False))

# `with` acquires and releases, returning True.
sem = threading.BoundedSemaphore(1)
with sem as got:
    print('with sem as got:', got, '| inside, non-blocking acquire:', sem.acquire(False))
print('after with, non-blocking acquire:', sem.acquire(False))
sem.release()

# Semaphore(0) as a signal: the main thread blocks until a worker releases.
signal = threading.Semaphore(0)
order = []


def worker():
    time.sleep(0.01)
    order.append('worker released')
    signal.release()


t = threading.Thread(target=worker)
t.start()
print('main acquired the signal:', signal.acquire(timeout=5))
order.append('main went on')
t.join()
print(order)

# One release(3) wakes three blocked threads.
gate = threading.Semaphore(0)
passed = []
lock = threading.Lock()


def blocked(n):
    if gate.acquire(timeout=5):
        with lock:
            passed.append(n)


threads = [threading.Thread(target=blocked, args=(n,)) for n in range(3)]
for t in threads:
    t.start()
gate.release(3)
for t in threads:
    t.join()
print('release(3) let through:', sorted(passed))
