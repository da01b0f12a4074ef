# threading.Lock: acquire/release, `with lock:`, non-blocking and timed acquire, locked().
# Ports seeds/000_b287556471e6e9bb.txt, section "Locks" (example 1: lock.acquire();
# do_something(); lock.release(), example 2: with lock: do_something()). Already Python 3.
# The rest (blocking=False, timeout=..., locked(), errors, releasing from another thread)
# is added to cover the whole Lock API.
import threading
import time

lock = threading.Lock()
done = []


def do_something(tag):
    done.append((tag, lock.locked()))


# Example 1
print('acquire() ->', lock.acquire())
do_something('example 1')
lock.release()

# Example 2
with lock:
    do_something('example 2')
print(done)
print('locked after both examples:', lock.locked())

# `with` returns the lock's __enter__ result (True) and releases even on an exception.
with lock as entered:
    print('with ... as ->', entered)
try:
    with lock:
        raise KeyError('inside with')
except KeyError as e:
    print('caught', repr(e), '- locked afterwards:', lock.locked())

# Non-blocking and timed acquire return bools.
print('acquire(blocking=False) on a free lock ->', lock.acquire(blocking=False))
print('locked():', lock.locked())
print('acquire(False) on a held lock ->', lock.acquire(False))
print('acquire(blocking=False) on a held lock ->', lock.acquire(blocking=False))
print('acquire(timeout=0) on a held lock ->', lock.acquire(timeout=0))
begin = time.monotonic()
got = lock.acquire(timeout=0.1)
print('acquire(timeout=0.1) on a held lock ->', got, '| waited >= 0.1:', time.monotonic() - begin >= 0.1)
begin = time.monotonic()
got = lock.acquire(True, 0.05)
print('acquire(True, 0.05) on a held lock ->', got, '| waited >= 0.05:', time.monotonic() - begin >= 0.05)
lock.release()
print('acquire(timeout=0.1) on a free lock ->', lock.acquire(timeout=0.1))
lock.release()
print('acquire(True, -1) on a free lock ->', lock.acquire(True, -1))
lock.release()

# Errors.
for label, call in [
    ('release() of an unlocked lock', lambda: lock.release()),
    ('acquire(blocking=False, timeout=1)', lambda: lock.acquire(blocking=False, timeout=1)),
    ('acquire(timeout=-2)', lambda: lock.acquire(timeout=-2)),
]:
    try:
        call()
        print(label, '-> no error')
    except (RuntimeError, ValueError) as e:
        print(label, '->', type(e).__name__ + ':', e)
print('locked after the errors:', lock.locked())

# A Lock has no owner: another thread may release it, and a thread waiting in
# acquire() wakes up when it is released.
results = {}


def try_acquire():
    results['non-blocking'] = lock.acquire(blocking=False)
    results['timed'] = lock.acquire(timeout=0.05)
    ready.release()  # tell the main thread we are about to block
    results['blocking'] = lock.acquire()  # waits until the main thread releases
    results['locked inside'] = lock.locked()
    lock.release()


ready = threading.Lock()
ready.acquire()
lock.acquire()
t = threading.Thread(target=try_acquire)
t.start()
ready.acquire()
time.sleep(0.05)
lock.release()
t.join()
for key in ['non-blocking', 'timed', 'blocking', 'locked inside']:
    print('worker', key, '->', results[key])
print('locked at the end:', lock.locked())


def release_for_main():
    lock.release()


lock.acquire()
t = threading.Thread(target=release_for_main)
t.start()
t.join()
print('released by another thread, locked now:', lock.locked())
