# The time module: sleeping and measuring elapsed time (values are not printed,
# because they change from run to run).
import time


def busy_work(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


start = time.time()
mono_start = time.monotonic()
perf_start = time.perf_counter()
result = busy_work(20000)
time.sleep(0.01)
elapsed_wall = time.time() - start
elapsed_mono = time.monotonic() - mono_start
elapsed_perf = time.perf_counter() - perf_start

print("result:", result)
print("wall clock elapsed is a float:", type(elapsed_wall).__name__)
print("monotonic elapsed >= 0.01:", elapsed_mono >= 0.01)
print("perf_counter elapsed >= 0.01:", elapsed_perf >= 0.01)
print("elapsed under 10 seconds:", elapsed_perf < 10)
print("time() is after the year 2020:", time.time() > 1577836800)

# A simple timer class used as a context manager
class Timer:
    def __init__(self, label):
        self.label = label
        self.elapsed = None

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.elapsed = time.perf_counter() - self.start
        return False


timings = {}
for n in [100, 1000, 10000]:
    with Timer("n=%d" % n) as t:
        busy_work(n)
    timings[t.label] = t.elapsed
print("timed labels:", list(timings))
print("all non-negative:", all([v >= 0 for v in timings.values()]))

# monotonic never goes backwards
readings = []
for _ in range(5):
    readings.append(time.monotonic())
    time.sleep(0.001)
print("monotonic increasing:", all([a <= b for a, b in zip(readings, readings[1:])]))

# A retry loop with a tiny back-off
attempts = 0
delay = 0.001
while True:
    attempts += 1
    if attempts >= 4:
        print("succeeded after", attempts, "attempts")
        break
    print("attempt", attempts, "failed, sleeping", delay)
    time.sleep(delay)
    delay *= 2
time.sleep(0)
print("sleep(0) returns", time.sleep(0))
