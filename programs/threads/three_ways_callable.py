# Creating threads, way 2 of 3: a Thread instance given a callable class instance (__call__).
# Ports seeds/004_249857bcae2b796f.txt, section "The Thread class", second of the three
# examples (class ThreadFunc with __call__, Thread(target=ThreadFunc(loop, (i, loops[i]),
# loop.__name__))). Already Python 3 (ThreadFunc(object) became ThreadFunc). Changed: sleeps
# are 0.2/0.1 s, events are recorded and printed by the main thread after join().
from threading import Thread
from time import sleep, monotonic

loops = [0.2, 0.1]
events = {}


class ThreadFunc:

    def __init__(self, func, args, name=""):
        self.name = name
        self.func = func
        self.args = args

    def __call__(self):
        # The new thread calls our ThreadFunc object, which runs __call__().
        self.func(*self.args)


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
        t = Thread(target=ThreadFunc(loop, (i, loops[i]), loop.__name__))
        threads.append(t)

    for i in nloops:
        threads[i].start()

    for i in nloops:
        threads[i].join()

    for i in nloops:
        print(events[i])
    # An instance has no __name__, so the default thread name has no "(target)" suffix.
    print('thread names:', [t.name for t in threads])
    print('callable instance has __name__:', hasattr(ThreadFunc(loop, ()), '__name__'))
    print('waited for the longest loop:', monotonic() - begin >= 0.2)
    print('all DONE')


if __name__ == '__main__':
    main()
