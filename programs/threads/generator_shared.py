# Generators and threads: each thread drains its own generator, then four threads
# share one. A generator runs in one thread at a time; a thread that calls next() while
# another is inside it gets CPython's "generator already executing" ValueError.
import threading


def squares(n):
    for i in range(n):
        yield i * i


results = []
lock = threading.Lock()


def total_of(gen):
    total = 0
    for v in gen:
        total += v
    with lock:
        results.append(total)


threads = [threading.Thread(target=total_of, args=(squares(1000),)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))

shared = squares(10_000)
taken = []


def drain():
    n = 0
    while True:
        try:
            next(shared)
        except StopIteration:
            break
        except ValueError:
            continue
        n += 1
    with lock:
        taken.append(n)


threads = [threading.Thread(target=drain) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(taken), sum(taken))
