# The racy read-modify-write counter, fixed by each sync object that can act as a mutex.
# Ports seeds/003_ccc6a1da6c01e119.txt, section "Lock" (dwm30_5.py: value = value + 1 with
# a sleep(0.001) in the middle, 100 threads, first without a lock, then `with lock:`), and
# seeds/000_b287556471e6e9bb.txt, section "Locks" (example 1: lock.acquire(); do_something();
# lock.release(); example 2: `with lock:`). Already Python 3. Changed: the unlocked run
# printed 9 in the note (a different number on every run), so only a fact that always holds
# is printed; the fix is repeated, once with `with` and once with acquire()/release() in
# try/finally, for Lock, RLock, Semaphore(1), BoundedSemaphore(1) and Condition, with 20
# threads each.
import time
from threading import Thread, Lock, RLock, Semaphore, BoundedSemaphore, Condition

value = 0


def run_threads(target, n=20):
    global value
    value = 0
    threads = []
    for i in range(n):
        t = Thread(target=target)
        t.start()
        threads.append(t)
    for t in threads:
        t.join()
    return value


def nolock():
    global value
    new = value + 1
    time.sleep(0.001)  # give the other threads a chance to run in between
    value = new


result = run_threads(nolock, 100)
print('without a lock: 1 <= value <= 100:', 1 <= result <= 100)


def make_with(mutex):
    def getlock():
        global value
        with mutex:
            new = value + 1
            time.sleep(0.001)
            value = new
    return getlock


def make_acquire_release(mutex):
    def getlock():
        global value
        mutex.acquire()
        try:
            new = value + 1
            time.sleep(0.001)
            value = new
        finally:
            mutex.release()
    return getlock


for name, mutex in [('Lock', Lock()), ('RLock', RLock()), ('Semaphore(1)', Semaphore(1)),
                    ('BoundedSemaphore(1)', BoundedSemaphore(1)), ('Condition()', Condition())]:
    print('%-20s with: %d' % (name, run_threads(make_with(mutex))), end='   ')
    print('acquire/release: %d' % run_threads(make_acquire_release(mutex)))

lock = Lock()
run_threads(make_with(lock))
print('Lock free at the end:', not lock.locked())
