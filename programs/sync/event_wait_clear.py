# A worker waits on an Event five times, clearing it after each wake-up; main sets it.
# Ports seeds/004_249857bcae2b796f.txt, section "Event" (test_event(): a thread loops 5
# times doing print 'start wait'; e.wait(); e.clear(); print i; without clear() the flag
# stays True and wait() no longer blocks). Python 2 -> 3: print statements -> print();
# fixed the note's indentation (Thread(...).start() and `return e` belong inside
# test_event()) and the missing `from threading import Thread`. The note never set the
# event; here the main thread sets it once per round, after a second Event (`ready`)
# says the worker has printed and is about to wait, so every set() wakes exactly one
# round and the output order is fixed.
from threading import Event, Thread

ready = Event()


def test_event():
    e = Event()

    def test():
        for i in range(5):
            print('start wait')
            ready.set()
            e.wait()
            e.clear()  # without clear() the flag stays True and wait() would not block
            print(i)
    t = Thread(target=test)
    t.start()
    return e, t


e, t = test_event()
for i in range(5):
    ready.wait()
    ready.clear()
    e.set()
t.join()
print('isSet() after the last clear():', e.isSet())
print('is_set() after the last clear():', e.is_set())
