# Barrier edge cases: abort(), reset(), timeouts and a failing action all raise BrokenBarrierError.
# Based on the Barrier row of the threading objects table in seeds/000_b287556471e6e9bb.txt.
# The note has no Barrier code; this program is new (Barrier is Python 3.2+).
# threading.BrokenBarrierError is a subclass of RuntimeError.
import threading
import time

print('BrokenBarrierError is a RuntimeError:', issubclass(threading.BrokenBarrierError, RuntimeError))


def run_waiters(barrier, count, timeout=None):
    # starts `count` threads that wait on the barrier; returns the threads and their results
    results = []
    lock = threading.Lock()

    def body():
        try:
            barrier.wait(timeout)
            outcome = 'passed'
        except threading.BrokenBarrierError as e:
            outcome = 'BrokenBarrierError(%r)' % str(e)
        except ZeroDivisionError as e:
            outcome = 'ZeroDivisionError: %s' % e
        with lock:
            results.append(outcome)
    threads = [threading.Thread(target=body) for _ in range(count)]
    for t in threads:
        t.start()
    return threads, results


def wait_for_waiting(barrier, n):
    while barrier.n_waiting < n:
        time.sleep(0.001)


# 1. abort() breaks the barrier for the threads already waiting and for later ones.
b = threading.Barrier(3)
threads, results = run_waiters(b, 2)
wait_for_waiting(b, 2)
b.abort()
for t in threads:
    t.join()
print('abort(): waiters got', sorted(results), '| broken:', b.broken)
try:
    b.wait()
except threading.BrokenBarrierError:
    print('wait() on a broken barrier raises BrokenBarrierError at once')

# 2. reset() repairs it.
b.reset()
print('after reset(): broken:', b.broken, '| n_waiting:', b.n_waiting)
threads, results = run_waiters(b, 3)
for t in threads:
    t.join()
print('3 parties after reset():', results)

# 3. reset() while threads wait: they get BrokenBarrierError, the barrier stays usable.
threads, results = run_waiters(b, 2)
wait_for_waiting(b, 2)
b.reset()
for t in threads:
    t.join()
print('reset() under waiters:', sorted(results), '| broken:', b.broken)

# 4. A timeout: the thread that times out breaks the barrier for everyone.
b = threading.Barrier(3)
start = time.monotonic()
threads, results = run_waiters(b, 2, timeout=0.02)
for t in threads:
    t.join()
print('wait(timeout=0.02) with 2 of 3 parties:', sorted(results), '| broken:', b.broken)
print('gave up after at least 0.015 s:', time.monotonic() - start >= 0.015)

# 5. The default timeout given to the constructor.
b = threading.Barrier(2, timeout=0.01)
try:
    b.wait()
except threading.BrokenBarrierError:
    print('Barrier(2, timeout=0.01).wait() alone: BrokenBarrierError; broken:', b.broken)

# 6. An action that raises: the thread that ran it gets the exception, the rest
# BrokenBarrierError.
b = threading.Barrier(3, action=lambda: 1 / 0)
threads, results = run_waiters(b, 3)
for t in threads:
    t.join()
print('failing action:', sorted(results), '| broken:', b.broken)

# 7. abort() before anyone waits, then a timed wait fails at once.
b = threading.Barrier(2)
b.abort()
try:
    b.wait(10)
except threading.BrokenBarrierError:
    print('aborted barrier, wait(10) fails without waiting')
