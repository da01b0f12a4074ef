# Two threads share one Condition: tc1 waits half-way through, tc2 runs and notifies it.
# Ports seeds/004_249857bcae2b796f.txt, section "Condition" (tc1 prints 0..3 under the
# lock, calls con.wait() at i == 3; tc2 prints 0..4, calling con.notify() each time; then
# tc1 prints 4). Python 2 -> 3: print statements -> print(); added the missing
# `from time import sleep`. Python 3.10+ names default threads "Thread-1 (tc1)" instead
# of "Thread-1". Changed: sleep(0.3)/sleep(0.1) became 0.002/0.001, and tc2 is started
# only once tc1 holds the lock (an Event), so the order below is the same on every run:
# the note's output relied on tc1 being scheduled first.
from time import sleep
from threading import Condition, Event, current_thread, Thread

con = Condition()
tc1_has_lock = Event()


def tc1():
    with con:
        tc1_has_lock.set()
        for i in range(5):
            print(current_thread().name, i)
            sleep(0.002)
            if i == 3:
                con.wait()  # gives up the lock until tc2 notifies and leaves `with`


def tc2():
    with con:
        for i in range(5):
            print(current_thread().name, i)
            sleep(0.001)
            con.notify()


t1 = Thread(target=tc1)
t1.start()
tc1_has_lock.wait()
t2 = Thread(target=tc2)
t2.start()
t1.join()
t2.join()
print('done')
