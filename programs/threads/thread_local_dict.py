# threading.local().__dict__ and vars() show the calling thread's own attributes.
import threading

loc = threading.local()
loc.a = 1
loc.b = "main"
print("main:", loc.__dict__, vars(loc))

seen = {}


def worker():
    seen["fresh"] = dict(vars(loc))
    loc.b = "worker"
    loc.c = [1, 2]
    seen["after"] = loc.__dict__


t = threading.Thread(target=worker)
t.start()
t.join()
print("worker, fresh:", seen["fresh"])
print("worker, after:", seen["after"])
print("main again:", vars(loc))
del loc.a
print("after del:", loc.__dict__)


class Counter(threading.local):
    def __init__(self):
        self.count = 0


c = Counter()
c.count += 2
t = threading.Thread(target=lambda: seen.update(sub=vars(c)))
t.start()
t.join()
print("subclass:", vars(c), seen["sub"])
