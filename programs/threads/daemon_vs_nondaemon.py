# A daemon thread is abandoned when the program ends; a non-daemon thread is waited for.
# Ports seeds/003_ccc6a1da6c01e119.txt, section "Daemon and non-daemon threads" (dwm30_3.py,
# first version, without join). Already Python 3. Changed: the daemon thread blocks forever
# on a lock the main thread holds (instead of sleep(0.2)), so 'Daemon Exiting' is never
# printed, and a second lock makes the non-daemon thread start only after 'Daemon Starting'.
import threading

gate = threading.Lock()
gate.acquire()  # held by the main thread until the process ends
daemon_started = threading.Lock()
daemon_started.acquire()


def daemon():
    print('Daemon Starting')
    daemon_started.release()
    gate.acquire()  # never succeeds: nobody releases the gate
    print('Daemon Exiting')  # never reached


def non_daemon():
    print('NonDaemon Starting')
    print('NonDaemon Exiting')


d = threading.Thread(name='daemon', target=daemon,
                     daemon=True)
t = threading.Thread(name='non-daemon', target=non_daemon)
print('d:', d.name, 'daemon =', d.daemon)
print('t:', t.name, 'daemon =', t.daemon)
d.start()
daemon_started.acquire()
t.start()
# The main thread ends here. Python waits for 'non-daemon' but not for 'daemon'.
