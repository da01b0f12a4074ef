# RLock ownership rules and CPython's error messages for Lock and RLock misuse.
# Based on seeds/004_249857bcae2b796f.txt, section "Lock & RLock" (an RLock keeps the
# "owning thread" and a "recursion level"; acquire() and release() must come in pairs) and
# seeds/000_b287556471e6e9bb.txt (the RLock row of the threading objects table). The note
# has no code for these cases; every message below is CPython 3.11's.
import threading


def attempt(label, f):
    try:
        result = f()
    except (RuntimeError, ValueError) as e:
        print('%s -> %s: %s' % (label, type(e).__name__, e))
    else:
        print('%s -> %r' % (label, result))


def in_thread(f):
    # runs f in a new thread and returns what it returned or raised
    box = []

    def body():
        try:
            box.append(('returned', f()))
        except RuntimeError as e:
            box.append(('raised', '%s: %s' % (type(e).__name__, e)))
    t = threading.Thread(target=body)
    t.start()
    t.join()
    return box[0]


rlock = threading.RLock()
attempt('RLock.release() when nobody holds it', rlock.release)

rlock.acquire()
print('RLock released by a thread that does not own it:', in_thread(rlock.release))
print('RLock non-blocking acquire from another thread:', in_thread(lambda: rlock.acquire(False)))
print('RLock acquire with timeout from another thread:', in_thread(lambda: rlock.acquire(timeout=0.01)))
rlock.release()
attempt('RLock.release() once more than acquire()', rlock.release)

# A plain Lock has no owner: any thread may release it.
lock = threading.Lock()
lock.acquire()
print('Lock released by another thread:', in_thread(lock.release), '| locked now:', lock.locked())
attempt('Lock.release() when unlocked', lock.release)

for name, lk in [('Lock', threading.Lock()), ('RLock', threading.RLock())]:
    attempt(name + '.acquire(False, 1)', lambda: lk.acquire(False, 1))
    attempt(name + '.acquire(timeout=-2)', lambda: lk.acquire(timeout=-2))
    attempt(name + '.acquire(timeout=-1) (wait forever)', lambda: lk.acquire(timeout=-1))
    lk.release()

print('ThreadError is RuntimeError:', threading.ThreadError is RuntimeError)
try:
    threading.RLock().release()
except threading.ThreadError as e:
    print('caught as ThreadError:', e)

# `with` returns what acquire() returned.
with threading.RLock() as got:
    print('with RLock() as got:', got)
