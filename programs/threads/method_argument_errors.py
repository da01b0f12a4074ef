# Methods of threading's and queue's objects reject arguments they do not take, with
# CPython's messages: queue.py and threading.py methods count `self` and give their
# qualified name; C methods (locks) say "takes no arguments". Nothing runs: start(1)
# does not start the thread.
import queue
import threading


def check(label, f, *args, **kwargs):
    try:
        f(*args, **kwargs)
        print(label, "-> ok")
    except TypeError as e:
        print(label, "-> TypeError:", e)


t = threading.Thread(target=print, args=("never printed",))
check("Thread.start(1)", t.start, 1)
check("Thread.start(x=1)", t.start, x=1)
check("Thread.run(1)", t.run, 1)
check("Thread.is_alive(1)", t.is_alive, 1)
check("Thread.join(1, 2)", t.join, 1, 2)
check("Thread.join(x=1)", t.join, x=1)
check("Thread.setName(1, 2)", t.setName, 1, 2)
check("Thread(1, ..., 6)", threading.Thread, 1, 2, 3, 4, 5, 6)
print("started:", t.ident is not None)

e = threading.Event()
for name in ["set", "clear", "is_set"]:
    check("Event.%s(1)" % name, getattr(e, name), 1)
check("Event.set(x=1)", e.set, x=1)
check("Event.wait(1, 2)", e.wait, 1, 2)
print("event set:", e.is_set())

c = threading.Condition(threading.Lock())
check("Condition.notify_all(1)", c.notify_all, 1)
check("Condition.notify(1, 2)", c.notify, 1, 2)
check("Condition.wait_for()", c.wait_for)
check("Condition.__enter__(1)", c.__enter__, 1)
check("Condition.release(1)", c.release, 1)

s = threading.Semaphore()
check("Semaphore.acquire(1, 2, 3)", s.acquire, 1, 2, 3)
check("Semaphore.release(1, 2)", s.release, 1, 2)
check("BoundedSemaphore.release(1, 2)", threading.BoundedSemaphore().release, 1, 2)
check("Semaphore.__exit__(1)", s.__exit__, 1)

b = threading.Barrier(2)
check("Barrier.reset(1)", b.reset, 1)
check("Barrier.abort(1)", b.abort, 1)
check("Barrier.wait(x=1)", b.wait, x=1)
check("Barrier()", threading.Barrier)
print("barrier broken:", b.broken)

lock = threading.Lock()
check("lock.locked(1)", lock.locked, 1)
check("lock.locked(x=1)", lock.locked, x=1)
check("lock.release(1)", lock.release, 1)
check("lock.acquire(1, 2, 3)", lock.acquire, 1, 2, 3)
check("lock.acquire(x=1)", lock.acquire, x=1)
rlock = threading.RLock()
check("RLock.release(1)", rlock.release, 1)
check("RLock.acquire(1, blocking=1)", rlock.acquire, 1, blocking=1)
check("RLock(1)", threading.RLock, 1)

check("Timer.cancel(1)", threading.Timer(1, print).cancel, 1)
check("Timer()", threading.Timer)
check("current_thread(1)", threading.current_thread, 1)
check("current_thread(x=1)", threading.current_thread, x=1)
check("Lock(1)", threading.Lock, 1)

for cls in [queue.Queue, queue.LifoQueue, queue.PriorityQueue]:
    q = cls()
    check(cls.__name__ + ".qsize(1)", q.qsize, 1)
    check(cls.__name__ + ".put()", q.put)
    check(cls.__name__ + ".get(1, 2, 3)", q.get, 1, 2, 3)
check("Queue.task_done(1)", queue.Queue().task_done, 1)
check("SimpleQueue.qsize(1)", queue.SimpleQueue().qsize, 1)
