# The convoy effect: an I/O-style thread that wakes up every millisecond, beside a
# CPU-bound thread. Each time it wakes it must wait for the GIL, which the CPU thread
# gives up only when the waiter has waited a whole switch interval (5 ms by default,
# `--switch-interval`). The I/O thread prints how late it was on average.
# Pass --check to print only what does not depend on timing (the snapshot tests do).
# gilvm-test-args: --check
import sys
import threading
import time

WAKEUPS = 100
PERIOD = 0.001
CHECK = "--check" in sys.argv
running = True


def cpu():
    n = 0
    while running:
        n += 1


def io(delays):
    for _ in range(WAKEUPS):
        start = time.perf_counter()
        time.sleep(PERIOD)
        delays.append(time.perf_counter() - start - PERIOD)


def measure(with_cpu_thread):
    global running
    running = True
    delays = []
    cpu_thread = threading.Thread(target=cpu)
    if with_cpu_thread:
        cpu_thread.start()
    io_thread = threading.Thread(target=io, args=(delays,))
    io_thread.start()
    io_thread.join()
    running = False
    if with_cpu_thread:
        cpu_thread.join()
    delays.sort()
    return delays


alone = measure(False)
beside = measure(True)
print("wake-ups alone:         ", len(alone))
print("wake-ups beside CPU work:", len(beside))
if not CHECK:
    median_alone = alone[len(alone) // 2]
    median_beside = beside[len(beside) // 2]
    print(f"median extra delay alone:        {median_alone * 1000:.2f} ms")
    print(f"median extra delay beside CPU:   {median_beside * 1000:.2f} ms")
    print(f"switch interval:                 {sys.getswitchinterval() * 1000:.2f} ms")
