# join(timeout) also times out for a non-daemon thread; the process still waits for it at exit.
# Ports seeds/002_73fc9ba16e07fe02.txt, section "join()", the claim "if daemon is False the
# timeout of join is ignored and the main thread waits until the child ends". That is not
# how Python 3 behaves: join(timeout) returns after the timeout for any thread, and only
# interpreter shutdown waits for non-daemon threads. This program shows the real behaviour.
import threading
import time

gate = threading.Lock()
gate.acquire()


def worker():
    gate.acquire()
    print('worker: finished after the main thread')


t = threading.Thread(target=worker)
print('worker daemon flag:', t.daemon)
t.start()
begin = time.monotonic()
t.join(0.2)
print('join(0.2) returned after at least 0.2 s:', time.monotonic() - begin >= 0.2)
print('worker still alive:', t.is_alive())
print('main: last line')
gate.release()
