# Ticket selling: the unlocked check-then-decrement can oversell; Lock.acquire/release fixes it.
# Ports seeds/002_73fc9ba16e07fe02.txt, section "Mutex lock" (class demo with buy_ticket,
# d = demo({'ticket': 10}), 10 threads, and the commented-out locks = threading.Lock(),
# locks.acquire() / locks.release()). Already Python 3. Changed: the unlocked version now
# sleeps between the check and the decrement so the race is visible, and only prints facts
# that hold on every run; the locked version uses the note's acquire()/release() pair (in
# try/finally); os.getpid() (the same in every thread, and `os` is not available) became
# the thread name; sleep(2) became sleep(0.01); 15 buyers compete for 10 tickets; the
# "remaining [N] tickets" / "bought" lines are collected and printed after join().
import threading
import time


class Demo:
    def __init__(self, d, locks=None):
        self.dic = d
        self.locks = locks
        self.log = []

    def sell(self):
        name = threading.current_thread().name
        remaining = self.dic['ticket']
        if self.dic['ticket'] > 0:
            time.sleep(0.001)  # the window between the check and the decrement
            self.dic['ticket'] -= 1
            self.log.append((remaining, name, 'bought a ticket'))
        else:
            self.log.append((remaining, name, 'sold out'))

    def buy_ticket(self):
        time.sleep(0.01)
        if self.locks is None:
            self.sell()
            return
        self.locks.acquire()
        try:
            self.sell()
        finally:
            self.locks.release()


def run(demo, buyers):
    threads = []
    for i in range(buyers):
        t = threading.Thread(target=demo.buy_ticket, name='buyer-%02d' % i)
        t.start()
        threads.append(t)
    for t in threads:
        t.join()


if __name__ == '__main__':
    d = Demo({'ticket': 10})
    run(d, 15)
    bought = [entry for entry in d.log if entry[2] == 'bought a ticket']
    print('without a lock: every buyer logged:', len(d.log) == 15)
    # usually more than 10 are sold (oversold), but how many differs from run to run
    print('without a lock: at least 10 bought:', len(bought) >= 10)

    locks = threading.Lock()
    d = Demo({'ticket': 10}, locks)
    run(d, 15)
    # with the lock the log is a strict countdown: 10, 9, ..., 1, then 0 for the rest
    print('with a lock, remaining seen in order:', [entry[0] for entry in d.log])
    for remaining, name, what in d.log:
        if remaining <= 2:
            print('remaining [%s] tickets: %s' % (remaining, what))
    bought = sorted(name for remaining, name, what in d.log if what == 'bought a ticket')
    print('tickets left:', d.dic['ticket'])
    print('successful buyers:', len(bought), '| all different:', len(set(bought)) == len(bought))
    print('lock free at the end:', not locks.locked())
