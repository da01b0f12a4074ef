# Condition edge cases: misuse errors, wait() timeouts, wait_for(), notify(n), notifyAll.
# Based on seeds/004_249857bcae2b796f.txt, section "Condition" (wait() and notify() may only
# be called by the thread holding the lock, "otherwise an exception is raised"; wait()
# releases the lock; notify() picks one waiter; notifyAll() wakes them all; the
# constructor takes an optional lock/rlock). The note has no code for these; the messages
# are CPython 3.11's. Python 3: notifyAll() still exists but is deprecated (a
# DeprecationWarning on stderr); notify_all() is the new name.
import time
import threading

cond = threading.Condition()


def attempt(label, f):
    try:
        result = f()
    except RuntimeError as e:
        print('%s -> RuntimeError: %s' % (label, e))
    else:
        print('%s -> %r' % (label, result))


attempt('wait() without the lock', cond.wait)
attempt('wait(0.01) without the lock', lambda: cond.wait(0.01))
attempt('notify() without the lock', cond.notify)
attempt('notify_all() without the lock', cond.notify_all)
attempt('notifyAll() without the lock', cond.notifyAll)
attempt('wait_for(false predicate) without the lock', lambda: cond.wait_for(lambda: False))
# a predicate that is already true returns before the lock is even looked at
attempt('wait_for(true predicate) without the lock', lambda: cond.wait_for(lambda: 'yes'))

with cond as got:
    print('with cond as got:', got)
    print('wait(0.01) with nobody notifying:', cond.wait(0.01))
    print('wait(timeout=0) :', cond.wait(timeout=0))
    print('wait_for(predicate, 0.01) returns the last predicate value:',
          repr(cond.wait_for(lambda: 0, 0.01)))
    print('wait_for(predicate already true):', cond.wait_for(lambda: [1, 2]))
    cond.notify()      # nobody is waiting: nothing happens
    cond.notify_all()
    print('notify() with no waiters is fine')

# notify(n) wakes at most n waiters; notifyAll() wakes the rest.
waiting = 0
woken = 0


def waiter():
    global waiting, woken
    with cond:
        waiting += 1
        cond.wait()
        woken += 1


def wait_until(pred):
    while True:
        with cond:
            if pred():
                return
        time.sleep(0.001)


threads = [threading.Thread(target=waiter) for _ in range(5)]
for t in threads:
    t.start()
wait_until(lambda: waiting == 5)
with cond:
    cond.notify(2)
wait_until(lambda: woken >= 2)
time.sleep(0.02)  # nobody else is notified, so nobody else can wake up
with cond:
    print('woken after notify(2):', woken)
    cond.notify()
wait_until(lambda: woken >= 3)
time.sleep(0.02)
with cond:
    print('woken after notify():', woken)
    cond.notifyAll()
for t in threads:
    t.join()
print('woken after notifyAll():', woken)

# wait() on a Condition built on an RLock that is held twice releases it completely,
# and restores both levels afterwards.
rlock = threading.RLock()
rcond = threading.Condition(rlock)
flag = []


def setter():
    with rcond:
        flag.append('set by another thread')
        rcond.notify()


rlock.acquire()
rlock.acquire()
t = threading.Thread(target=setter)
t.start()
print('wait_for on an RLock held twice:', rcond.wait_for(lambda: flag, timeout=5))
t.join()
rlock.release()
rlock.release()
attempt('third release', rlock.release)

# A Condition can also be built on a plain Lock.
lock = threading.Lock()
lcond = threading.Condition(lock)
with lcond:
    print('Condition(Lock()) holds the lock:', lock.locked())
    print('wait(0.01) on it:', lcond.wait(0.01), '| lock held again after wait:', lock.locked())
print('released after with:', not lock.locked())
