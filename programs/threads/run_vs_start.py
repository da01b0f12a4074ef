# start() runs run() in a new thread; calling run() directly runs it in the calling thread.
# Added beyond the notes; seeds/000_b287556471e6e9bb.txt, section "Thread object attributes
# and methods" (start(): begin executing the thread; run(): the method defining the thread's
# work, usually overridden in a subclass).
import threading

log = []


def where(tag):
    log.append((tag, threading.current_thread().name))


class Worker(threading.Thread):
    def run(self):
        where('Worker.run')


w = Worker(name='worker')
w.run()  # an ordinary method call: runs in MainThread, no new thread
print('after run():', log[-1], '| alive:', w.is_alive(), '| ident:', w.ident)
w.start()
w.join()
print('after start():', log[-1])


# A subclass can still use target= by calling super().run().
class Wrapping(threading.Thread):
    def run(self):
        where('before target')
        super().run()
        where('after target')


t = Wrapping(target=where, args=('target',), name='wrapping')
t.start()
t.join()
print(log[-3:])


# Overriding run() means the target is never called.
class IgnoresTarget(threading.Thread):
    def run(self):
        where('override')


t = IgnoresTarget(target=where, args=('target (never)',), name='ignoring')
t.start()
t.join()
print(log[-1])

# The plain Thread.run() calls the target with args and kwargs.
t = threading.Thread(target=where, kwargs={'tag': 'plain run() called directly'})
t.run()
print(log[-1])
print('never started, alive:', t.is_alive())
