# A BoundedSemaphore(5) lets at most 5 of 20 threads run their critical part at once.
# Ports seeds/002_73fc9ba16e07fe02.txt, section "Semaphore" (threading.BoundedSemaphore(5),
# 20 threads running run(n), then `while threading.active_count() != 1: ... else:
# print('over')`). Already Python 3. Changed: sleep(1) became sleep(0.01); the workers
# record "run the thread:N" instead of printing it in a racing order, and record how many
# of them hold the semaphore at once; the busy loop that printed active_count() (a
# different number on every run) now sleeps quietly until only the main thread is left.
import threading
import time

LIMIT = 5
inside = 0
max_inside = 0
counter_lock = threading.Lock()
ran = []


def run(n):
    global inside, max_inside
    semaphore.acquire()
    with counter_lock:
        inside += 1
        max_inside = max(max_inside, inside)
    time.sleep(0.01)
    with counter_lock:
        inside -= 1
        ran.append('run the thread:%s' % n)
    semaphore.release()


if __name__ == '__main__':
    semaphore = threading.BoundedSemaphore(LIMIT)  # at most 5 threads at the same time

    for i in range(20):
        t = threading.Thread(target=run, args=(i,))
        t.start()

while threading.active_count() != 1:
    time.sleep(0.001)
else:
    print('over')

for line in sorted(ran, key=lambda s: int(s.split(':')[1])):
    print(line)
print('threads that ran:', len(ran))
print('max concurrent <= %d: %s' % (LIMIT, max_inside <= LIMIT))
print('max concurrent >= 1:', max_inside >= 1)
print('nobody inside at the end:', inside == 0)
# all 5 slots are free again: five non-blocking acquires succeed, the sixth fails
got = [semaphore.acquire(blocking=False) for _ in range(LIMIT + 1)]
print('non-blocking acquires:', got)
for _ in range(LIMIT):
    semaphore.release()
try:
    semaphore.release()
except ValueError as e:
    print('one release too many:', type(e).__name__, e)
