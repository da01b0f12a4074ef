# threading.local(): every thread sees its own attributes on the same object.
# Ports seeds/002_73fc9ba16e07fe02.txt, section "ThreadLocal" (func(name) storing local.name
# in threads 'haibo' and 'lina'). Python 2 -> 3: print statements became print(),
# currentThread() became current_thread(); default names are now 'Thread-N (func)'.
# Changed: the threads record their lines and the main thread prints them after join(); a
# short sleep makes both threads hold their value at the same time.
import threading
import time

local = threading.local()
log = {}
log_lock = threading.Lock()


def func(name):
    me = threading.current_thread().name
    lines = ['current thread:%s' % me]
    lines.append('has name before setting: %s' % hasattr(local, 'name'))
    local.name = name
    time.sleep(0.05)  # the other thread sets its own local.name meanwhile
    lines.append('%s in %s' % (local.name, me))
    with log_lock:
        log[me] = lines


t1 = threading.Thread(target=func, args=('haibo',))
t2 = threading.Thread(target=func, args=('lina',))
t1.start()
t2.start()
t1.join()
t2.join()

for name in sorted(log):
    for line in log[name]:
        print(line)

# The main thread never set local.name, so it has none.
print('main has name:', hasattr(local, 'name'))
local.name = 'main value'


def overwrite():
    local.name = 'worker value'
    local.extra = [1, 2, 3]


t = threading.Thread(target=overwrite)
t.start()
t.join()
print('main still sees:', local.name)
print('main has extra:', hasattr(local, 'extra'))
try:
    local.extra
except AttributeError:
    print('AttributeError for a value set only in another thread')
del local.name
print('main has name after del:', hasattr(local, 'name'))

# Two separate local objects are independent of each other.
a = threading.local()
b = threading.local()
a.x = 1
b.x = 2
print('a.x, b.x =', a.x, b.x)
