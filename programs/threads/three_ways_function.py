# Creating threads, way 1 of 3: a Thread instance given a function as target.
# Ports seeds/004_249857bcae2b796f.txt, section "The Thread class", first of the three
# examples (threading.Thread(target=loop, args=(i, loops[i])), start all, join all).
# Already Python 3. Changed: loop() in the note declares a third `lock` parameter that is
# never passed (a TypeError); it is dropped. Sleeps are 0.2/0.1 s, and the workers record
# their events instead of printing timestamps; the main thread prints them after join().
import threading
from time import sleep, monotonic

loops = [0.2, 0.1]
events = {}


def loop(nloop, nsec):
    events[nloop] = ['start loop %s' % nloop]
    sleep(nsec)
    events[nloop].append('loop %s done' % nloop)


def main():
    print('starting')
    begin = monotonic()
    threads = []
    nloops = range(len(loops))

    for i in nloops:
        t = threading.Thread(target=loop, args=(i, loops[i]))
        threads.append(t)

    for i in nloops:
        # start threads
        threads[i].start()

    for i in nloops:
        # join() waits until the thread ends (or until the timeout, if one is given).
        threads[i].join()

    for i in nloops:
        print(threads[i].name, events[i])
    print('waited for the longest loop:', monotonic() - begin >= 0.2)
    print('all DONE')


if __name__ == '__main__':
    main()
