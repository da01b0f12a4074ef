# repr() of a Condition shows its lock and how many threads wait on it, as CPython's
# does; repr() of a Thread whose __init__ was skipped fails with CPython's assertion.
import threading


def shape(r):
    # The repr without the address: "<Condition(<... object" + ">, N)>".
    return r[: r.index(" at ")] + " ... " + r[r.rindex(">,") :]


print(shape(repr(threading.Condition(threading.Lock()))))
print(shape(repr(threading.Condition())))

c = threading.Condition(threading.Lock())
ready = threading.Event()


def waiter():
    with c:
        ready.set()
        c.wait()


t = threading.Thread(target=waiter)
t.start()
ready.wait()
with c:
    # The waiter gave the lock up inside wait(), so it is counted.
    print(shape(repr(c)))
    c.notify()
t.join()
print(shape(repr(c)))


class NoInit(threading.Thread):
    def __init__(self):
        pass


for what in [repr, lambda t: t.is_alive()]:
    try:
        what(NoInit())
    except AssertionError as e:
        print("AssertionError:", e)
