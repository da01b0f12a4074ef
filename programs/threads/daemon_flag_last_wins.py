# Setting the daemon flag twice before start(): the last value wins, so the program waits.
# Ports seeds/002_73fc9ba16e07fe02.txt, section "Daemon threads" (fuc() with setDaemon(True)
# then setDaemon(False)). Python 2 -> 3: print statements became print(), setDaemon() became
# the daemon attribute (setDaemon is deprecated). Changed: the thread waits on a lock the
# main thread releases after its last line instead of sleep(2) versus sleep(1).
import threading
import time

started = threading.Lock()
started.acquire()
gate = threading.Lock()
gate.acquire()


def fuc():
    print('start')
    started.release()
    gate.acquire()  # the note: time.sleep(2)
    time.sleep(0.1)
    print('end')


if __name__ == '__main__':
    t = threading.Thread(target=fuc, args=())
    t.daemon = True   # the program would not wait for the thread
    print('daemon after first assignment:', t.daemon)
    t.daemon = False  # the program waits for the thread (the default)
    print('daemon after second assignment:', t.daemon)
    t.start()
    started.acquire()  # the note: time.sleep(1)
    print('main thread end')
    gate.release()
    # 'end' is printed after the main thread has finished: Python waits for
    # non-daemon threads before the process exits.
