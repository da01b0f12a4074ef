# Producer-consumer over a bounded buffer built by hand from one Condition and wait_for().
# Based on seeds/002_73fc9ba16e07fe02.txt, section "Producer-consumer model" (a buffer
# decouples producers from consumers, lets them run concurrently, and absorbs bursts when
# one side is faster), which has no code; the queue-based versions are in programs/queue/.
# Python 3 only: Condition.wait_for() (3.2+) replaces the `while not ...: wait()` loop.
# Three producers make 8 items each; two consumers take them from a buffer of 3 slots.
# Who takes what differs from run to run, so only totals and sorted items are printed.
import threading
import time

CAPACITY = 3
buffer = []
cond = threading.Condition()
max_len = 0
taken = {}
DONE = 'done'


def producer(pid):
    global max_len
    for n in range(8):
        item = pid * 100 + n
        with cond:
            cond.wait_for(lambda: len(buffer) < CAPACITY)
            buffer.append(item)
            max_len = max(max_len, len(buffer))
            cond.notify_all()
        if n % 3 == 0:
            time.sleep(0.001)


def consumer(name):
    got = []
    while True:
        with cond:
            cond.wait_for(lambda: buffer)
            item = buffer.pop(0)
            cond.notify_all()
        if item == DONE:
            break
        got.append(item)
    taken[name] = got


consumers = [threading.Thread(target=consumer, args=('consumer-%d' % i,)) for i in range(2)]
producers = [threading.Thread(target=producer, args=(p,)) for p in range(1, 4)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
with cond:  # one end marker per consumer, after every item
    for _ in consumers:
        cond.wait_for(lambda: len(buffer) < CAPACITY)
        buffer.append(DONE)
        cond.notify_all()
for t in consumers:
    t.join()

everything = sorted(taken['consumer-0'] + taken['consumer-1'])
print('items consumed:', len(everything))
print(everything)
print('each item exactly once:', everything == sorted(p * 100 + n for p in range(1, 4) for n in range(8)))
print('buffer never held more than %d: %s' % (CAPACITY, max_len <= CAPACITY))
print('buffer empty at the end:', buffer == [])
# each consumer sees every producer's items in the order they were made
for name in sorted(taken):
    in_order = all([x for x in taken[name] if x // 100 == p] == sorted(x for x in taken[name] if x // 100 == p)
                   for p in range(1, 4))
    print(name, 'got each producer\'s items in order:', in_order)
