# threading.active_count() and enumerate() at points where the set of live threads is known.
# Ports seeds/001_031ed3a675c8cbbc.txt and seeds/000_b287556471e6e9bb.txt, the tables of
# threading module functions (activeCount()/active_count(), enumerate(), currentThread()),
# and the waiting loop `while threading.active_count() != 1` from seeds/002_73fc9ba16e07fe02.txt,
# section "Semaphore" (without the BoundedSemaphore, which is out of scope here).
# Python 2 -> 3: activeCount()/currentThread() are spelled active_count()/current_thread().
# Changed: the note printed the count while polling; here the polling loop sleeps and
# prints nothing, since the counts it sees depend on timing.
import threading
import time


def names(threads):
    return sorted(t.name for t in threads)


print('at start:', threading.active_count(), names(threading.enumerate()))
print('enumerate() == [main_thread()]:', threading.enumerate() == [threading.main_thread()])

gate = threading.Lock()
gate.acquire()
inside = {}


def wait_at_gate(report=False):
    if report:
        inside['count'] = threading.active_count()
        inside['names'] = names(threading.enumerate())
        inside['me listed'] = threading.current_thread() in threading.enumerate()
    gate.acquire()
    gate.release()


threads = [threading.Thread(target=wait_at_gate, name='worker-%d' % i) for i in range(3)]
print('created, not started:', threading.active_count())
for t in threads:
    t.start()
print('3 started:', threading.active_count(), names(threading.enumerate()))
print('len(enumerate()) == active_count():', len(threading.enumerate()) == threading.active_count())

d = threading.Thread(target=wait_at_gate, name='daemon-worker', daemon=True)
d.start()
print('daemon threads count too:', threading.active_count())

reporter = threading.Thread(target=wait_at_gate, args=(True,), name='reporter')
reporter.start()
while 'me listed' not in inside:
    time.sleep(0.01)
print('seen from inside a thread:', inside['count'], inside['names'], inside['me listed'])

gate.release()
for t in threads + [d, reporter]:
    t.join()
print('after join:', threading.active_count(), names(threading.enumerate()))
print('joined threads listed:', any(t in threading.enumerate() for t in threads))

# Waiting by polling active_count() instead of join().
def short_task(n):
    time.sleep(0.01 * n)


for i in range(5):
    threading.Thread(target=short_task, args=(i,)).start()
while threading.active_count() != 1:
    time.sleep(0.01)
else:
    print('over:', threading.active_count())
