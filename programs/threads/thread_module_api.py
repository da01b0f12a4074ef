# The rest of the _thread API: kwargs, the returned ident, get_ident, lock methods, `with`.
# Ports seeds/001_031ed3a675c8cbbc.txt and seeds/004_249857bcae2b796f.txt, the _thread /
# thread module function tables (start_new_thread(function, args, kwargs=None),
# allocate_lock(), exit(), acquire(wait=None), locked(), release()). Python 2 -> 3: the
# module `thread` is called `_thread`. Each worker signals completion with a lock.
import _thread
import threading
import time

results = {}


def worker(key, a, b=0, *, scale=1, done):
    try:
        results[key] = ((a + b) * scale, _thread.get_ident())
    finally:
        done.release()


def start_and_wait(key, args, kwargs=None):
    done = _thread.allocate_lock()
    done.acquire()
    if kwargs is None:
        kwargs = {}
    kwargs['done'] = done
    ident = _thread.start_new_thread(worker, (key,) + args, kwargs)
    done.acquire()  # blocks until the worker releases it
    value, worker_ident = results[key]
    print(key, '->', value, '| returned ident is the worker ident:', ident == worker_ident)
    return worker_ident


start_and_wait('positional', (1, 2))
start_and_wait('kwargs', (1,), {'b': 4, 'scale': 10})
worker_ident = start_and_wait('only a', (5,))

main_ident = _thread.get_ident()
print('get_ident() is an int:', type(main_ident) is int)
print('same as threading.get_ident():', main_ident == threading.get_ident())
print('worker ident differs from main:', worker_ident != main_ident)

# Lock objects from allocate_lock().
lock = _thread.allocate_lock()
print('same type as threading.Lock():', type(lock) is type(threading.Lock()))
print('locked() ->', lock.locked())
print('acquire() ->', lock.acquire())
print('locked() ->', lock.locked())
print('acquire(0) ->', lock.acquire(0))
print('acquire(1, 0.05) ->', lock.acquire(1, 0.05))
lock.release()
with lock:
    print('inside with, locked() ->', lock.locked())
print('after with, locked() ->', lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print('RuntimeError:', e)

# start_new_thread argument checks.
try:
    _thread.start_new_thread(worker, [1, 2])
except TypeError as e:
    print('TypeError:', e)
try:
    _thread.start_new_thread(worker, (1,), [])
except TypeError as e:
    print('TypeError:', e)
try:
    _thread.start_new_thread(42, ())
except TypeError as e:
    print('TypeError:', e)
