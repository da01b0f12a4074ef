# Producer puts (function, argument) tasks on a Queue; a consumer runs them and calls task_done().
# Ports seeds/003_ccc6a1da6c01e119.txt, section "Queue" (dwm30_8.py: q = Queue(); the
# producer puts (double, wt) after sleeping wt = random() seconds; the consumer does
# task, arg = q.get(); print(arg, task(arg)); q.task_done(); both loop forever). Already
# Python 3 (`from queue import Queue`). Changed: random is seeded and the producer makes
# 6 tasks, sleeping wt / 100 seconds; the consumer is a daemon thread, as its loop never
# ends, and the main thread waits with q.join() until every task is done. The consumer
# prints as it goes: it is the only thread printing until q.join() returns.
import time
import threading
from random import random, seed
from queue import Queue

seed(8)
q = Queue()


def double(n):
    return n * 2


def producer():
    for _ in range(6):
        wt = random()
        time.sleep(wt / 100)
        q.put((double, wt))


def consumer():
    while 1:
        task, arg = q.get()
        print(arg, task(arg))
        q.task_done()


threads = []
for target in (producer, consumer):
    t = threading.Thread(target=target, daemon=(target is consumer))
    t.start()
    threads.append(t)
threads[0].join()  # every task has been put
q.join()           # ... and every task has been marked done
print('all tasks done; queue empty:', q.empty())
print('consumer still waiting for more (daemon):', threads[1].is_alive(), threads[1].daemon)
