# Thread names: MainThread, default 'Thread-N (target)' names, custom names, renaming.
# Added beyond the notes to cover naming; seeds/002_73fc9ba16e07fe02.txt, section "join()",
# prints threading.current_thread().name (its 'Thread-1' is 'Thread-1 (target)' since
# Python 3.10). Only the main thread prints; workers record what they see.
import threading

main = threading.current_thread()
print('current_thread().name in main:', main.name)
print('main_thread() is current_thread():', threading.main_thread() is main)
print('main_thread().name:', threading.main_thread().name)

seen = {}
seen_lock = threading.Lock()


def work(key):
    me = threading.current_thread()
    with seen_lock:
        seen[key] = (me.name, me is threading.main_thread(), threading.main_thread().name)


class Job:
    def __call__(self, key):
        work(key)

    def method(self, key):
        work(key)


class Custom(threading.Thread):
    def __init__(self, key, name=None):
        super().__init__(name=name)
        self.key = key

    def run(self):
        work(self.key)


# Each unnamed Thread takes the next number; named threads do not use one.
threads = [
    threading.Thread(target=work, args=('function',)),
    threading.Thread(target=work, args=('named',), name='alpha'),
    threading.Thread(target=lambda: work('lambda')),
    threading.Thread(target=Job(), args=('callable instance',)),
    threading.Thread(target=Job().method, args=('bound method',)),
    Custom('subclass'),
    Custom('named subclass', name='custom-named'),
    threading.Thread(target=work, args=('int name',), name=42),
]
for t in threads:
    print('before start:', repr(t.name))
no_target = threading.Thread()
print('no target:', no_target.name)

for t in threads:
    t.start()
for t in threads:
    t.join()
for key in sorted(seen):
    print('%-18s ->' % key, seen[key])

# Renaming before start and while running.
t = threading.Thread(target=work, args=('renamed before start',))
t.name = 'renamed'
t.start()
t.join()
print('renamed before start ->', seen['renamed before start'])

gate = threading.Lock()
gate.acquire()


def wait_then_report():
    gate.acquire()
    work('renamed while running')


t = threading.Thread(target=wait_then_report, name='old')
t.start()
t.name = 'new'
gate.release()
t.join()
print('renamed while running ->', seen['renamed while running'])
print('name after join:', t.name)
