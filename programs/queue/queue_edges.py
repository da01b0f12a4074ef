# queue edge cases: Empty and Full from *_nowait and timeouts, task_done() errors, blocking put/get.
# Ports the exception rows and method notes of the Queue module table in
# seeds/000_b287556471e6e9bb.txt (Empty: get*() on an empty queue; Full: put*() on a full
# queue; put(item, block=True, timeout=None) blocks at most `timeout` seconds; get_nowait()
# is get(False); task_done() and join()). Python 2 -> 3: `Queue.Empty` -> `queue.Empty`.
# The messages are CPython 3.11's.
import queue
import threading
import time


def attempt(label, f):
    try:
        result = f()
    except (queue.Empty, queue.Full) as e:
        print('%s -> queue.%s %r' % (label, type(e).__name__, str(e)))
    except ValueError as e:
        print('%s -> ValueError: %s' % (label, e))
    else:
        print('%s -> %r' % (label, result))


print('Empty and Full are Exceptions:', issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))

q = queue.Queue(maxsize=1)
attempt('get_nowait() on an empty queue', q.get_nowait)
attempt('get(block=False)', lambda: q.get(block=False))
attempt('get(False, 5): no blocking, the timeout is ignored', lambda: q.get(False, 5))
start = time.monotonic()
attempt('get(timeout=0.02)', lambda: q.get(timeout=0.02))
print('  waited at least 0.015 s:', time.monotonic() - start >= 0.015)
attempt('get(timeout=-1)', lambda: q.get(timeout=-1))

q.put('only')
attempt('put_nowait() on a full queue', lambda: q.put_nowait('more'))
attempt('put(block=False)', lambda: q.put('more', block=False))
start = time.monotonic()
attempt('put(timeout=0.02)', lambda: q.put('more', timeout=0.02))
print('  waited at least 0.015 s:', time.monotonic() - start >= 0.015)
attempt('put(timeout=-1)', lambda: q.put('more', timeout=-1))
attempt('get(timeout=0) on a non-empty queue', lambda: q.get(timeout=0))

# task_done() more often than get()
q = queue.Queue()
attempt('task_done() on a fresh queue', q.task_done)
q.put(1)
q.put(2)
q.get()
q.task_done()
# task_done() counts against put(), not get(): this one is accepted before the get()
attempt('task_done() for the item not taken yet', q.task_done)
print('get() still returns it:', q.get())
attempt('one task_done() too many', q.task_done)
q.join()
print('join() with nothing unfinished returns at once')

# SimpleQueue raises Empty too
sq = queue.SimpleQueue()
attempt('SimpleQueue.get_nowait()', sq.get_nowait)
attempt('SimpleQueue.get(timeout=0.01)', lambda: sq.get(timeout=0.01))
attempt('SimpleQueue.get(timeout=-1)', lambda: sq.get(timeout=-1))

# LifoQueue and PriorityQueue share the Empty/Full behaviour
for cls in (queue.LifoQueue, queue.PriorityQueue):
    q = cls(1)
    attempt(cls.__name__ + '.get_nowait()', q.get_nowait)
    q.put(1)
    attempt(cls.__name__ + '.put_nowait()', lambda: q.put_nowait(2))

# A put() blocked on a full queue goes on as soon as another thread takes an item.
q = queue.Queue(maxsize=1)
q.put('first')
events = []


def blocked_putter():
    q.put('second')  # blocks until the main thread's get()
    events.append('put returned')


t = threading.Thread(target=blocked_putter)
t.start()
time.sleep(0.01)
print('putter still blocked before the get():', t.is_alive() and events == [])
print('main gets', repr(q.get()))
t.join()
print(events[0], '| now in the queue:', q.get_nowait())

# A get() blocked on an empty queue goes on when another thread puts.
q = queue.Queue()
t = threading.Thread(target=lambda: events.append('got %r' % q.get(timeout=5)))
t.start()
time.sleep(0.01)
q.put('late item')
t.join()
print(events[-1])

# join() waits until every item taken has been marked done.
q = queue.Queue()
finished = []


def slow_worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        time.sleep(0.002)
        finished.append(item)
        q.task_done()


for i in range(5):
    q.put(i)
q.put(None)
w = threading.Thread(target=slow_worker)
w.start()
q.join()
print('after join(): finished', finished)
w.join()
