# set() followed at once by clear() (a "pulse") releases every thread that was waiting
# at the time of set(), with or without a timeout: their wait() returns True, as in
# CPython, even though the flag is already clear again when they look.
import threading
import time

e = threading.Event()
results = []
about_to_wait = []
lock = threading.Lock()


def waiter(name, timeout):
    with lock:
        about_to_wait.append(name)
    start = time.monotonic()
    woke = e.wait(timeout)
    quick = time.monotonic() - start < 4
    with lock:
        results.append((name, woke, quick))


threads = [
    threading.Thread(target=waiter, args=("no-timeout", None)),
    threading.Thread(target=waiter, args=("timeout", 5)),
    threading.Thread(target=waiter, args=("no-timeout-2", None)),
]
for t in threads:
    t.start()
while len(about_to_wait) < len(threads):
    time.sleep(0.01)
time.sleep(0.2)  # every waiter is now blocked in wait()
e.set()
e.clear()
for t in threads:
    t.join()
for name, woke, quick in sorted(results):
    print(name, "woke:", woke, "without waiting for the timeout:", quick)

# The pulse is over: a new wait() sees the clear flag.
print("later wait:", e.wait(0.01), "is_set:", e.is_set())
