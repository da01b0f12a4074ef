# RLock: a thread may re-acquire a lock it already holds; a plain Lock would block itself.
# Ports seeds/004_249857bcae2b796f.txt, section "Lock & RLock" (lock = Rlock(); show() does
# `with lock:` and is called from test(), which already holds the lock, for i in range(3);
# two threads run test()). Python 2 -> 3: print statements became print(); fixed the
# note's bugs: `Rlock` -> `RLock`, and show() now takes the `i` it is called with.
# Changed: sleep(0.1) became sleep(0.005), and the "name i" lines are recorded under the
# lock and printed after join(): which thread gets the lock first differs between runs,
# but each thread's three lines are always together.
from time import sleep
from threading import current_thread, Thread, RLock, Lock

lock = RLock()
lines = []


def show(i):
    with lock:
        lines.append((current_thread().name, i))
        sleep(0.005)


def test():
    with lock:
        for i in range(3):
            show(i)


threads = []
for i in range(2):
    t = Thread(target=test)
    threads.append(t)
    t.start()
for t in threads:
    t.join()

names = [name for name, i in lines]
blocks = [names[0:3], names[3:6]]
print('each thread printed its 3 lines in one block:',
      all(len(set(block)) == 1 for block in blocks) and blocks[0][0] != blocks[1][0])
for name, i in sorted(lines):
    print(name, i)


# Recursion: every level acquires the same RLock again.
def countdown(n, out):
    with lock:
        out.append(n)
        if n > 0:
            countdown(n - 1, out)


out = []
countdown(5, out)
print('recursive acquires:', out)


# Explicit counting: acquire three times, release three times.
print('acquire x3:', lock.acquire(), lock.acquire(), lock.acquire())
lock.release()
lock.release()
other = []
t = Thread(target=lambda: other.append(lock.acquire(blocking=False)))
t.start()
t.join()
print('still owned after 2 of 3 releases; another thread gets it:', other[0])
lock.release()
t = Thread(target=lambda: other.append(lock.acquire(blocking=False)) or lock.release())
t.start()
t.join()
print('after the third release another thread gets it:', other[1])

# The same nesting with a plain Lock blocks: the inner acquire can never succeed.
plain = Lock()
with plain:
    print('plain Lock, inner acquire with timeout 0.01:', plain.acquire(timeout=0.01))
    print('plain Lock, inner non-blocking acquire:', plain.acquire(False))
