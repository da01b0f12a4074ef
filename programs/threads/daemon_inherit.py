# The daemon flag: default False, inherited from the creating thread, fixed once started.
# Ports seeds/000_b287556471e6e9bb.txt, section "Daemon threads" ("a new child thread
# inherits the daemon flag of its parent"; set thread.daemon = True before start()), and the
# same rule in seeds/004_249857bcae2b796f.txt, section "Daemon threads" (isDaemon() /
# setDaemon() there; the daemon attribute here, since those are deprecated in Python 3).
import threading

print('main thread daemon:', threading.main_thread().daemon)
print('new thread from main:', threading.Thread(target=print).daemon)
print('daemon=True:', threading.Thread(target=print, daemon=True).daemon)
print('daemon=None inherits from main:', threading.Thread(target=print, daemon=None).daemon)

results = {}


def make_children(key):
    me = threading.current_thread()
    child = threading.Thread(target=print)
    results[key] = (me.daemon, child.daemon,
                    threading.Thread(target=print, daemon=False).daemon,
                    threading.Thread(target=print, daemon=True).daemon)


d = threading.Thread(target=make_children, args=('from a daemon thread',), daemon=True)
n = threading.Thread(target=make_children, args=('from a normal thread',))
d.start()
n.start()
d.join()
n.join()
print('(creator daemon, child default, child daemon=False, child daemon=True)')
for key in sorted(results):
    print(key, results[key])

# The attribute can be changed any number of times before start(), but not after.
t = threading.Thread(target=len, args=('abc',))
t.daemon = True
t.daemon = False
print('after two assignments:', t.daemon)
t.start()
try:
    t.daemon = True
except RuntimeError as e:
    print('RuntimeError:', e)
t.join()
print('unchanged:', t.daemon)
