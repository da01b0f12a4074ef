# Passing positional args and keyword kwargs to thread targets.
# Ports seeds/003_ccc6a1da6c01e119.txt, section "Passing arguments" (dwm30_2.py): worker(num)
# started with args=(i,). Already Python 3. Changed: results are stored per argument and
# printed in order by the main thread after join(). The kwargs part is an addition.
import threading

results = {}
results_lock = threading.Lock()


def worker(num):
    with results_lock:
        results[num] = "Worker: {}".format(num)


threads = []
for i in range(5):
    t = threading.Thread(target=worker, args=(i,))
    threads.append(t)
    t.start()
for t in threads:
    t.join()

for num in sorted(results):
    print(results[num])


# Keyword arguments, defaults and a mix of both.
def describe(key, *extra, scale=1, label="item", **rest):
    value = key * scale
    text = "%s %d -> %d" % (label, key, value)
    if extra:
        text += " extra=" + repr(extra)
    if rest:
        text += " rest=" + repr(sorted(rest.items()))
    with results_lock:
        results[("describe", key)] = text


calls = [
    ((1,), {}),
    ((2,), {"scale": 10}),
    ((3, "a", "b"), {"label": "thing"}),
    ((4,), {"scale": 3, "color": "red", "size": 7}),
]
threads = [threading.Thread(target=describe, args=a, kwargs=k) for a, k in calls]
for t in threads:
    t.start()
for t in threads:
    t.join()

for key in sorted(k for k in results if isinstance(k, tuple)):
    print(results[key])

# args may be any sequence, kwargs defaults to no keywords.
box = []
t = threading.Thread(target=box.append, args=["from a list"])
t.start()
t.join()
t = threading.Thread(target=box.extend, args=((1, 2, 3),), kwargs=None)
t.start()
t.join()
print(box)
