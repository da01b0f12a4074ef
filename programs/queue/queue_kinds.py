# Queue, LifoQueue, PriorityQueue and SimpleQueue side by side: order, size, empty/full.
# Ports the Queue module tables in seeds/000_b287556471e6e9bb.txt (Queue(maxsize=0),
# LifoQueue, PriorityQueue, Empty/Full, qsize/empty/full/put/put_nowait/get/get_nowait/
# task_done/join) and seeds/004_249857bcae2b796f.txt (queue(size), qsize(), empty(),
# full(), put(item, block), get(block)). Python 2 -> 3: the module `Queue` is now
# `queue`; SimpleQueue is new in Python 3.7. Single-threaded, so every line is fixed.
import queue

items = [5, 1, 4, 2, 3]
for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue, queue.SimpleQueue):
    q = cls()
    for x in items:
        q.put(x)
    print('%-13s qsize=%d empty=%s ->' % (cls.__name__, q.qsize(), q.empty()),
          [q.get() for _ in items], '| empty now:', q.empty())

# maxsize: full() once maxsize items are in; maxsize <= 0 means unbounded.
q = queue.Queue(maxsize=3)
print('maxsize:', q.maxsize, '| full():', q.full())
for x in 'abc':
    q.put(x)
print('after 3 puts: qsize:', q.qsize(), '| full():', q.full())
print('get():', q.get(), '| full():', q.full())
unbounded = queue.Queue()
for x in range(1000):
    unbounded.put_nowait(x)
print('Queue() maxsize:', unbounded.maxsize, '| full() with 1000 items:', unbounded.full())
print('Queue(-5) is unbounded too:', queue.Queue(-5).full())

# block=1 / block=0, as the Python 2 notes wrote put(item, 1) and get(1)
q = queue.Queue(32)
q.put('xxx', 1)
q.put('yyy', True, None)
print('get(1):', q.get(1), '| get(block=0):', q.get(block=0))

# The same items in LIFO order, with task_done()/join() (all Queue subclasses have them)
lifo = queue.LifoQueue(maxsize=2)
lifo.put('first')
lifo.put('second')
print('LifoQueue full:', lifo.full(), '| get:', lifo.get(), lifo.get())
lifo.task_done()
lifo.task_done()
lifo.join()
print('LifoQueue join() returned')

# PriorityQueue with (priority, name) tuples: ties are broken by the next field
pq = queue.PriorityQueue()
for entry in [(2, 'b'), (1, 'z'), (2, 'a'), (0, 'x')]:
    pq.put(entry)
print('PriorityQueue:', [pq.get() for _ in range(4)])

# SimpleQueue: unbounded, no task_done()/join()/maxsize
sq = queue.SimpleQueue()
sq.put_nowait(1)
sq.put(2, block=False, timeout=10)  # accepted and ignored: a put never blocks
print('SimpleQueue qsize:', sq.qsize(), '| get_nowait:', sq.get_nowait(), sq.get(timeout=1))
print('SimpleQueue has task_done/join/maxsize:',
      hasattr(sq, 'task_done'), hasattr(sq, 'join'), hasattr(sq, 'maxsize'))
print('Queue subclasses:', issubclass(queue.LifoQueue, queue.Queue),
      issubclass(queue.PriorityQueue, queue.Queue), issubclass(queue.SimpleQueue, queue.Queue))
