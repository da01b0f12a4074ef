# _thread with one pre-acquired lock per worker; main spins on locked() until all are released.
# Ports seeds/004_249857bcae2b796f.txt, section "The thread module", second example (loops
# [4, 2], thread.allocate_lock(), lock.acquire(), start_new_thread(loop, (i, loops[i],
# locks[i])), `while locks[i].locked(): pass`). Python 2 -> 3: `import thread` became
# `import _thread`. Changed: sleeps are 0.2/0.1 s, and the workers record their events
# instead of printing timestamps; the main thread prints them in loop order.
import _thread
from time import sleep, monotonic

loops = [0.2, 0.1]
events = {}


def loop(nloop, nsec, lock):
    events[nloop] = ['start loop %s' % nloop]
    sleep(nsec)
    events[nloop].append('loop %s done' % nloop)
    # Every thread gets a lock acquired in advance; releasing it tells the main
    # thread that this thread has finished.
    lock.release()


def main():
    print('starting')
    begin = monotonic()
    locks = []
    nloops = range(len(loops))

    for i in nloops:
        lock = _thread.allocate_lock()
        print('lock %d acquire() ->' % i, lock.acquire())
        locks.append(lock)

    for i in nloops:
        _thread.start_new_thread(loop, (i, loops[i], locks[i]))

    for i in nloops:
        # Busy-wait until the worker releases its lock.
        while locks[i].locked(): pass

    for i in nloops:
        print(events[i])
    print('all locks released:', not any(lock.locked() for lock in locks))
    print('waited at least 0.2 s:', monotonic() - begin >= 0.2)
    print('all DONE')


if __name__ == '__main__':
    main()
