# A Semaphore(3) used with `with`: five threads, never more than three inside at once.
# Ports seeds/003_ccc6a1da6c01e119.txt, section "Semaphore" (dwm30_4.py: sema =
# Semaphore(3), foo(tid) does `with sema:` and sleeps random() * 2 seconds). Already
# Python 3. Changed: each thread sleeps a fixed 0.01-0.05 s instead of random() * 2 s; the
# "{} acquire sema" / "{} release sema" lines (in a different order on every run) are
# recorded and printed per thread after join(), and the threads count how many of them
# hold the semaphore at once.
import time
from threading import Thread, Semaphore, Lock

sema = Semaphore(3)
log_lock = Lock()
holders = 0
max_holders = 0
log = {}


def foo(tid):
    global holders, max_holders
    with sema:
        with log_lock:
            holders += 1
            max_holders = max(max_holders, holders)
            log[tid] = ['{} acquire sema'.format(tid)]
        wt = 0.01 * (tid % 5 + 1)
        time.sleep(wt)
        with log_lock:
            holders -= 1
    with log_lock:
        log[tid].append('{} release sema'.format(tid))


threads = []
for i in range(5):
    t = Thread(target=foo, args=(i,))
    threads.append(t)
    t.start()
for t in threads:
    t.join()

for tid in sorted(log):
    print(' / '.join(log[tid]))
print('max concurrent <= 3:', max_holders <= 3)
print('holders at the end:', holders)
