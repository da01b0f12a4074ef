# Lost updates. `counter += 1` on a shared global is several bytecode instructions
# (load, add, store); a thread switch between the load and the store loses an update.
# CPython 3.10+ (and gilvm's default `--switch-points safe`) switch threads only at
# backward jumps and calls, so a bare `counter += 1` loses nothing; Python 2 could switch
# anywhere (`--switch-points any`), and `--gil off` runs the threads truly in parallel.
# A read-modify-write with a call in between loses updates under any GIL policy, unless
# a Lock protects it.
# Pass --check to print only what does not depend on timing (the snapshot tests do).
# gilvm-test-args: --check
import sys
import threading

THREADS = 4
ROUNDS = 100_000
EXPECTED = THREADS * ROUNDS
CHECK = "--check" in sys.argv
counter = 0
lock = threading.Lock()


def work():
    return 1


def plain_increment():
    global counter
    for _ in range(ROUNDS):
        counter += 1


def split_increment():
    global counter
    for _ in range(ROUNDS):
        value = counter
        value = value + work()
        counter = value


def locked_split_increment():
    global counter
    for _ in range(ROUNDS):
        with lock:
            value = counter
            value = value + work()
            counter = value


def run(body):
    global counter
    counter = 0
    threads = [threading.Thread(target=body) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counter


for name, body in [
    ("counter += 1", plain_increment),
    ("counter = counter + work()", split_increment),
    ("the same under a Lock", locked_split_increment),
]:
    total = run(body)
    if CHECK and body is not locked_split_increment:
        # How many updates are lost depends on the schedule and the flags.
        print(f"{name}: at most {EXPECTED}: {total <= EXPECTED}")
    else:
        print(f"{name}: {total} of {EXPECTED} ({EXPECTED - total} lost)")
