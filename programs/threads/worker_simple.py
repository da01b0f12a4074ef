# Five worker threads each do one piece of work; main joins them all and reports.
# Ports seeds/003_ccc6a1da6c01e119.txt, section "A simple threading example" (dwm30.py).
# Already Python 3. Changed: the note printed 'Worker' from every thread; here each worker
# records its line under a lock and the main thread prints them after join(), so the
# output does not depend on scheduling.
import threading

lines = []
lines_lock = threading.Lock()


def worker():
    with lines_lock:
        lines.append("Worker")


threads = []
for i in range(5):
    t = threading.Thread(target=worker)
    threads.append(t)
    t.start()

for t in threads:
    t.join()

for line in lines:
    print(line)
print("threads started:", len(threads))
print("all finished:", not any(t.is_alive() for t in threads))
