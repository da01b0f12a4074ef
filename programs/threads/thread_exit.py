# Ways for a thread to exit: return, _thread.exit(), sys.exit(), raise SystemExit.
# Ports seeds/004_249857bcae2b796f.txt, section "Exiting threads" ("a thread can call
# thread.exit(), sys.exit() or raise SystemExit; you cannot kill a thread"). Python 2 -> 3:
# thread.exit() is _thread.exit(). SystemExit ends only the thread that raised it, silently
# (no traceback), and `finally` blocks still run.
import sys
import threading
import _thread

log = []


def by_return():
    log.append('return: before')
    return 'ignored result'


def by_thread_exit():
    try:
        log.append('_thread.exit: before')
        _thread.exit()
        log.append('_thread.exit: after (never)')
    finally:
        log.append('_thread.exit: finally ran')


def by_sys_exit():
    log.append('sys.exit: before')
    sys.exit(3)
    log.append('sys.exit: after (never)')


def by_raise():
    log.append('raise SystemExit: before')
    raise SystemExit('message is ignored')


def caught():
    try:
        _thread.exit()
    except SystemExit as e:
        log.append('caught SystemExit from _thread.exit, args=%r' % (e.args,))
    log.append('caught: still running')


threads = [threading.Thread(target=f) for f in (by_return, by_thread_exit, by_sys_exit, by_raise, caught)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for line in sorted(log):
    print(line)
print('alive:', [t.is_alive() for t in threads])

# The same with a raw _thread thread; the lock is released in `finally`.
done = _thread.allocate_lock()
done.acquire()
log.clear()


def raw():
    try:
        log.append('raw: before')
        _thread.exit()
        log.append('raw: after (never)')
    finally:
        done.release()


_thread.start_new_thread(raw, ())
done.acquire()
print(log)
print('main thread still running')
