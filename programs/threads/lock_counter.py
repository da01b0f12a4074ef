# A read-modify-write counter from 100 threads: lost updates without a lock, exact with one.
# Ports seeds/003_ccc6a1da6c01e119.txt, section "Lock" (dwm30_5.py, first without a lock,
# then with `with lock:`). Already Python 3. Changed: the note printed the unlocked result
# (9 in its run), which varies from run to run; here only facts that always hold are printed.
import time
from threading import Thread, Lock

value = 0


def nolock():
    global value
    new = value + 1
    time.sleep(0.001)  # sleep so that the threads get a chance to switch
    value = new


threads = []
for i in range(100):
    t = Thread(target=nolock)
    t.start()
    threads.append(t)
for t in threads:
    t.join()
print('without a lock: 1 <= value <= 100:', 1 <= value <= 100)

value = 0
lock = Lock()


def getlock():
    global value
    with lock:
        new = value + 1
        time.sleep(0.001)
        value = new


threads = []
for i in range(100):
    t = Thread(target=getlock)
    t.start()
    threads.append(t)
for t in threads:
    t.join()
print('with a lock:', value)
print('lock free at the end:', not lock.locked())
