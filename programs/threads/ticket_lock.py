# Selling a fixed number of tickets from many threads, with the check-and-decrement under a Lock.
# Ports seeds/002_73fc9ba16e07fe02.txt, section "Mutex lock" (class demo with buy_ticket and
# the commented-out locks.acquire()/locks.release()). Already Python 3. Changed: the lock is
# enabled (as `with lock:`), os.getpid() (not available here, and the same in every thread)
# became the thread name, sleep(2) became sleep(0.05), 12 buyers compete for 10 tickets, and
# the main thread prints the log after join().
import threading
import time


class Demo:
    def __init__(self, d):
        self.dic = d
        self.log = []

    def buy_ticket(self):
        time.sleep(0.05)
        with lock:
            remaining = self.dic['ticket']
            if self.dic['ticket'] > 0:
                self.dic['ticket'] -= 1
                ok = True
            else:
                ok = False
            self.log.append((remaining, ok, threading.current_thread().name))


if __name__ == '__main__':
    lock = threading.Lock()
    d = Demo({'ticket': 10})
    threads = []
    for i in range(12):
        t = threading.Thread(target=d.buy_ticket, name='buyer-%d' % i)
        t.start()
        threads.append(t)
    for t in threads:
        t.join()

    for remaining, ok, name in d.log:
        print('remaining [%s] tickets: %s' % (remaining, 'bought' if ok else 'sold out'))
    buyers = [name for remaining, ok, name in d.log if ok]
    print('tickets left:', d.dic['ticket'])
    print('successful buyers:', len(buyers), 'all different:', len(set(buyers)) == len(buyers))
    print('every buyer tried once:', sorted(n for r, o, n in d.log) == sorted(t.name for t in threads))
