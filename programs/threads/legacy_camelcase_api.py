# The old camelCase names (getName/setName/isDaemon/setDaemon/currentThread/activeCount).
# Ports seeds/001_031ed3a675c8cbbc.txt, the threading tables (currentThread(),
# activeCount(), enumerate(), isAlive(), getName(), setName(), isDaemon(), setDaemon()), and
# the same names in seeds/004_249857bcae2b796f.txt, section "Daemon threads". Python 2 -> 3:
# these still exist but CPython 3.10+ deprecates them (a DeprecationWarning on stderr), and
# isAlive() was removed in Python 3.9: is_alive() replaces it.
import threading
import time

gate = threading.Lock()
gate.acquire()
seen = {}


def worker():
    seen['currentThread is current_thread'] = threading.currentThread() is threading.current_thread()
    seen['name'] = threading.currentThread().getName()
    gate.acquire()
    gate.release()


t = threading.Thread(target=worker)
print('getName():', t.getName())
t.setName('legacy')
print('after setName():', t.getName(), '| name:', t.name)
print('isDaemon():', t.isDaemon())
t.setDaemon(True)
print('after setDaemon(True):', t.isDaemon(), '| daemon:', t.daemon)
t.setDaemon(False)
print('after setDaemon(False):', t.isDaemon())
print('has isAlive:', hasattr(t, 'isAlive'))
t.start()
# Wait for the worker's warnings first, so that stderr comes out in one order.
while len(seen) < 2:
    time.sleep(0.01)
print('activeCount():', threading.activeCount(), '| active_count():', threading.active_count())
print('enumerate() names:', sorted(x.getName() for x in threading.enumerate()))
gate.release()
t.join()
print('seen in the worker:', sorted(seen.items()))
print('is_alive():', t.is_alive())
print('currentThread().getName() in main:', threading.currentThread().getName())
