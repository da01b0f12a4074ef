# Two consumers wait on a Condition; the producer wakes both with notify_all().
# Ports seeds/003_ccc6a1da6c01e119.txt, section "Condition" (dwm30_6.py: consumers c1 and c2
# do `with cond: cond.wait()`, producer p does `with cond: cond.notifyAll()`, started with
# sleep(1) between them). Python 3 changes: threading.currentThread() -> current_thread(),
# notifyAll() -> notify_all() (the camelCase names are deprecated). Changed: the note
# relied on sleep(1) for both consumers to be waiting before p notifies (if p were first,
# they would wait forever); here each consumer counts itself as waiting under the lock and
# p waits until the count is 2. A `resource_ready` flag guards the wait, as the docs
# recommend. The consumers record their line; which one wakes first differs between
# runs, so the main thread prints them sorted.
import time
import threading

waiting = 0
resource_ready = False
woken = []


def consumer(cond):
    global waiting
    t = threading.current_thread()
    with cond:
        waiting += 1
        while not resource_ready:
            cond.wait()  # wait until the condition holds
        woken.append('{}: Resource is available to consumer'.format(t.name))


def producer(cond):
    global resource_ready
    t = threading.current_thread()
    while True:
        with cond:
            if waiting == 2:
                break
        time.sleep(0.001)
    with cond:
        print('{}: Making resource available'.format(t.name))
        resource_ready = True
        cond.notify_all()  # wake up every consumer


condition = threading.Condition()
c1 = threading.Thread(name='c1', target=consumer, args=(condition,))
c2 = threading.Thread(name='c2', target=consumer, args=(condition,))
p = threading.Thread(name='p', target=producer, args=(condition,))
c1.start()
time.sleep(0.01)
c2.start()
time.sleep(0.01)
p.start()
for t in (c1, c2, p):
    t.join()
for line in sorted(woken):
    print(line)
