# BoundedSemaphore is a subclass of Semaphore, as in CPython, and inherits its methods.
import threading

print(issubclass(threading.BoundedSemaphore, threading.Semaphore))
b = threading.BoundedSemaphore(2)
s = threading.Semaphore(2)
print(isinstance(b, threading.Semaphore), isinstance(s, threading.BoundedSemaphore))
print(type(b).__name__, type(b).__mro__[1].__name__)

print(b.acquire(), b.acquire(), b.acquire(blocking=False))
b.release()
with b:
    print("inside with:", b.acquire(timeout=0.01))
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
s.release(3)
print("plain semaphore after release(3):", [s.acquire(blocking=False) for _ in range(6)])
