# An uncaught exception ends only its own thread: main and other threads go on, exit status 0.
# Added beyond the notes; seeds/004_249857bcae2b796f.txt, section "The Thread class", says
# join() returns when the thread ends "normally or by an unhandled exception". The
# tracebacks go to stderr ("Exception in thread ..."); stdout only shows what main sees.
import threading
import _thread

progress = []


def boom(n):
    progress.append('boom %d started' % n)
    raise ValueError('bad value %d' % n)


def fine(n):
    progress.append('fine %d finished' % n)
    return n


class Crashing(threading.Thread):
    def run(self):
        progress.append('Crashing.run started')
        {}['missing']


t = threading.Thread(target=boom, args=(1,))
t.start()
print('join() returns:', t.join())
print('is_alive after the exception:', t.is_alive())

threads = [threading.Thread(target=boom, args=(2,)),
           threading.Thread(target=fine, args=(3,)),
           Crashing(name='crasher'),
           threading.Thread(target=fine, args=(4,))]
# One at a time, so that the tracebacks reach stderr in a fixed order.
for t in threads:
    t.start()
    t.join()
print(sorted(progress))
print('alive:', [t.is_alive() for t in threads])

# In a _thread thread an uncaught exception would print "Exception ignored in thread
# started by: ..." on stderr, but _thread has no join: main could finish before that
# output is written. So this worker reports its exception itself.
done = _thread.allocate_lock()
done.acquire()


def raw_worker():
    try:
        progress.append('raw worker started')
        1 / 0
    except ZeroDivisionError as e:
        progress.append('raw worker caught: %s' % e)
    finally:
        done.release()


_thread.start_new_thread(raw_worker, ())
done.acquire()
print('raw worker ran:', 'raw worker started' in progress, '| caught:', 'raw worker caught: division by zero' in progress)

# An exception in one thread does not stop later threads from running.
after = threading.Thread(target=fine, args=(5,))
after.start()
after.join()
print('fine 5 finished' in progress)
print('main thread goes on; exit status 0')
