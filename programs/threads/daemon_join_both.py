# Joining a daemon thread makes the main thread wait for it after all.
# Ports seeds/003_ccc6a1da6c01e119.txt, section "Daemon and non-daemon threads" (dwm30_3.py,
# second version, with d.join() and t.join()). Already Python 3. Changed: two locks force
# the order the note shows (daemon starts, non-daemon runs, then the daemon finishes its
# sleep(0.2)), so the output never depends on scheduling.
import threading
import time

daemon_started = threading.Lock()
daemon_started.acquire()
gate = threading.Lock()
gate.acquire()


def daemon():
    print('Daemon Starting')
    daemon_started.release()
    gate.acquire()
    time.sleep(0.2)
    print('Daemon Exiting')


def non_daemon():
    print('NonDaemon Starting')
    print('NonDaemon Exiting')


d = threading.Thread(name='daemon', target=daemon,
                     daemon=True)
t = threading.Thread(name='non-daemon', target=non_daemon)
d.start()
daemon_started.acquire()
t.start()
t.join()
start = time.monotonic()
gate.release()
d.join()
waited = time.monotonic() - start
print('main: daemon alive after join:', d.is_alive())
print('main: waited for the daemon sleep:', waited >= 0.2)
