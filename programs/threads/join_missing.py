# Without join() main finishes first: a non-daemon worker still completes, a daemon one is killed.
# Ports seeds/002_73fc9ba16e07fe02.txt, section "join()" (the outputs "without join" and
# "setDaemon(True) without join"). Python 2 -> 3: print statements became print(),
# setDaemon(True) became daemon=True; default names are now 'Thread-N (target)'.
# Changed: instead of sleep(1), each worker waits on a lock, so the interleaving the note
# shows is forced: the non-daemon worker ends after the main thread's last line, and the
# daemon worker never gets to print its second line.
import threading


def target(started, gate):
    print('the current threading  %s is running' % threading.current_thread().name)
    started.release()
    gate.acquire()
    print('the current threading  %s is ended' % threading.current_thread().name)


def new_lock_held():
    lock = threading.Lock()
    lock.acquire()
    return lock


print('the current threading  %s is running' % threading.current_thread().name)

# Daemon worker: its gate is never opened, and the process does not wait for it.
started = new_lock_held()
daemon_gate = new_lock_held()
d = threading.Thread(target=target, args=(started, daemon_gate), daemon=True)
d.start()
started.acquire()

# Non-daemon worker: its gate opens after the main thread's last line.
started = new_lock_held()
gate = new_lock_held()
t = threading.Thread(target=target, args=(started, gate))
t.start()
started.acquire()

print('the current threading  %s is ended' % threading.current_thread().name)
gate.release()
