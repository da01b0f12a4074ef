# A producer appends to a list and sets an Event; two consumers wait on it, pop, and clear.
# Ports seeds/003_ccc6a1da6c01e119.txt, section "Event" (consumer: event.wait(2), l.pop(),
# event.clear(), IndexError ignored; producer: l.append(randint(10, 100)), event.set(),
# sleep(1); both loop forever). Python 3 changes: threading.currentThread() ->
# current_thread(). Changed so that it ends and prints the same every run: random is
# seeded; the producer makes 8 numbers, and after each one waits for a `consumed` Event;
# append+set() and pop+clear() happen under one Lock, so the event is set exactly when
# the list holds a number and no set() is lost; consumers wait(0.05) and stop when
# `finished` is set and the list is empty. The producer's lines are printed
# as it goes (only it prints); the popped numbers are printed after join(), without the
# consumer names, because which consumer wins a pop differs between runs.
import time
import threading
from random import randint, seed

seed(30)
popped = []
list_lock = threading.Lock()
consumed = threading.Event()
finished = threading.Event()


def consumer(event, l):
    t = threading.current_thread()
    while True:
        event_is_set = event.wait(0.05)
        if event_is_set:
            with list_lock:
                try:
                    integer = l.pop()
                    event.clear()  # reset the event
                    popped.append((integer, t.name))
                    consumed.set()
                except IndexError:  # another consumer got it first
                    pass
        elif finished.is_set() and not l:
            break


def producer(event, l):
    t = threading.current_thread()
    for _ in range(8):
        integer = randint(10, 100)
        with list_lock:
            consumed.clear()
            l.append(integer)
            print('{} appended to list by {}'.format(integer, t.name))
            event.set()  # set the event
        consumed.wait()
        time.sleep(0.001)
    finished.set()


event = threading.Event()
l = []
threads = []
for name in ('consumer1', 'consumer2'):
    t = threading.Thread(name=name, target=consumer, args=(event, l))
    t.start()
    threads.append(t)
p = threading.Thread(name='producer1', target=producer, args=(event, l))
p.start()
threads.append(p)
for t in threads:
    t.join()

for integer, name in popped:
    print('{} popped from list by a consumer'.format(integer))
print('popped by consumer1 or consumer2:', set(name for i, name in popped) <= {'consumer1', 'consumer2'})
print('list empty:', l == [], '| event set:', event.is_set())
