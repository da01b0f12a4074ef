# Thread keeps its call in _target, _args and _kwargs; run() deletes them afterwards.
import threading


class ResultThread(threading.Thread):
    # The common "thread with a return value" idiom.
    def run(self):
        self.result = self._target(*self._args, **self._kwargs)


t = ResultThread(target=pow, args=(2, 10))
t.start()
t.join()
print("result:", t.result)

t = ResultThread(target=lambda a, b=0: a - b, args=(10,), kwargs={"b": 3})
t.start()
t.join()
print("result:", t.result)

# The defaults, as CPython stores them.
t = threading.Thread()
print(t._target, t._args, t._kwargs)

# They can be replaced before start.
t = threading.Thread(target=print, args=("old",))
t._args = ("new",)
t._kwargs = {"sep": "-"}
t.start()
t.join()

# run() deletes them, so a second run() fails.
t = threading.Thread(target=print, args=("first run",))
t.run()
print(hasattr(t, "_target"), hasattr(t, "_args"), hasattr(t, "_kwargs"))
try:
    t.run()
except AttributeError as e:
    print("AttributeError:", e)

# Also after start().
t = threading.Thread(target=len, args=([1, 2],))
t.start()
t.join()
print(hasattr(t, "_target"))
