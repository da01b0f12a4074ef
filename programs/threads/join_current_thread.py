# join() blocks the main thread until the worker ends, for non-daemon and daemon threads.
# Ports seeds/002_73fc9ba16e07fe02.txt, section "join()" (target() printing
# current_thread().name; the outputs "with join" and "setDaemon(True) with join").
# Python 2 -> 3: print statements became print(), setDaemon(True) became daemon=True.
# Python 3.10+ default names include the target: 'Thread-1 (target)', not 'Thread-1'.
# Changed: sleep(1) became sleep(0.1).
import threading
import time


def target():
    print('the current threading  %s is running' % threading.current_thread().name)
    time.sleep(0.1)
    print('the current threading  %s is ended' % threading.current_thread().name)


print('--- non-daemon thread, joined')
print('the current threading  %s is running' % threading.current_thread().name)
t = threading.Thread(target=target)
t.start()
t.join()
print('the current threading  %s is ended' % threading.current_thread().name)

print('--- daemon thread, joined')
print('the current threading  %s is running' % threading.current_thread().name)
t = threading.Thread(target=target)
t.daemon = True
t.start()
t.join()
print('the current threading  %s is ended' % threading.current_thread().name)
print('worker alive after join:', t.is_alive())
