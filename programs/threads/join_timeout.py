# join(timeout) returns after the timeout even if the thread is still running.
# Ports seeds/002_73fc9ba16e07fe02.txt, section "join()" (the last output: a daemon thread
# joined with a timeout, then the main thread ends and the daemon is killed; and the remark
# that N threads joined one after another with join(timeout) can take N * timeout).
# Python 2 -> 3: print statements became print(), setDaemon(True) became daemon=True.
# Changed: the worker blocks on a lock instead of sleeping, and timeouts are 0.1 s.
import threading
import time

forever = threading.Lock()
forever.acquire()  # never released: the daemon workers below never finish


def target():
    print('the current threading  %s is running' % threading.current_thread().name)
    started.release()
    forever.acquire()
    print('the current threading  %s is ended' % threading.current_thread().name)


started = threading.Lock()
started.acquire()

print('the current threading  %s is running' % threading.current_thread().name)
t = threading.Thread(target=target, daemon=True)
t.start()
started.acquire()
begin = time.monotonic()
result = t.join(0.1)
elapsed = time.monotonic() - begin
print('join(0.1) returned:', result)
print('waited at least the timeout:', elapsed >= 0.1)
print('worker still alive after join(0.1):', t.is_alive())
begin = time.monotonic()
t.join(timeout=0.05)
print('join(timeout=0.05) waited at least 0.05:', time.monotonic() - begin >= 0.05)
print('worker still alive:', t.is_alive())


# Several threads, each joined with a timeout: the waits add up.
def blocked():
    forever.acquire()


workers = [threading.Thread(target=blocked, daemon=True) for i in range(3)]
for w in workers:
    w.start()
begin = time.monotonic()
for w in workers:
    w.join(0.1)
elapsed = time.monotonic() - begin
print('3 x join(0.1) took at least 0.3 s:', elapsed >= 0.3)
print('alive:', [w.is_alive() for w in workers])

# join with a timeout on a thread that already finished returns at once.
done = threading.Thread(target=len, args=("abc",))
done.start()
done.join()
done.join(0.5)
done.join(timeout=None)
print('finished worker alive:', done.is_alive())

print('the current threading  %s is ended' % threading.current_thread().name)
