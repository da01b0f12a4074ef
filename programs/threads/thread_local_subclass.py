# A subclass of threading.local: __init__ runs again, with the same arguments, in each thread.
# Added beyond the notes (seeds/002_73fc9ba16e07fe02.txt, section "ThreadLocal", only shows a
# plain threading.local()); this is the common "per-thread defaults" pattern.
import threading


class Counter(threading.local):
    instances = 0  # class attribute: shared by all threads

    def __init__(self, start):
        self.value = start
        self.owner = threading.current_thread().name

    def bump(self, n):
        self.value += n
        return self.value


counter = Counter(100)
counter.bump(1)
seen = {}
seen_lock = threading.Lock()


def work(n):
    for i in range(n):
        counter.bump(1)
    with seen_lock:
        seen[threading.current_thread().name] = (counter.owner, counter.value)


threads = [threading.Thread(target=work, args=(n,), name='w%d' % n) for n in (1, 2, 3)]
for t in threads:
    t.start()
for t in threads:
    t.join()

for name in sorted(seen):
    print(name, '->', seen[name])
print('main ->', (counter.owner, counter.value))
print('isinstance local:', isinstance(counter, threading.local))
