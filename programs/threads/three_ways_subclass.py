# Creating threads, way 3 of 3: a subclass of Thread that overrides run() and keeps a result.
# Ports seeds/004_249857bcae2b796f.txt, section "The Thread class", third of the three
# examples (class MyThread(Thread) with getResult() and run()). Python 2 -> 3: the print
# statements in run() became print(), super(MyThread, self) became super(). Changed:
# loop() returns a value so getResult() has something to return (the note never set it);
# sleeps are 0.2/0.1 s; the workers record their lines and the main thread prints them.
from threading import Thread, Lock
from time import sleep, monotonic

loops = [0.2, 0.1]
log = []
log_lock = Lock()


def record(index, line):
    with log_lock:
        log.append((index, line))


class MyThread(Thread):

    def __init__(self, func, args, name=""):
        super().__init__()
        self.name = name
        self.func = func
        self.args = args

    def getResult(self):
        return self.res

    def run(self):
        index = self.args[0]
        record(index, 'starting %s' % self.name)
        self.res = self.func(*self.args)
        record(index, '%s finished' % self.name)


def loop(nloop, nsec):
    record(nloop, 'start loop %s' % nloop)
    sleep(nsec)
    record(nloop, 'loop %s done' % nloop)
    return nloop * 100 + int(nsec * 10)


def main():
    print('starting')
    begin = monotonic()
    threads = []
    nloops = range(len(loops))

    for i in nloops:
        t = MyThread(loop, (i, loops[i]), loop.__name__)
        threads.append(t)

    for i in nloops:
        threads[i].start()

    for i in nloops:
        threads[i].join()

    for i in nloops:
        print([line for index, line in log if index == i])
        print('result of thread %d:' % i, threads[i].getResult())
    print('names:', [t.name for t in threads])
    print('isinstance Thread:', all(isinstance(t, Thread) for t in threads))
    print('waited for the longest loop:', monotonic() - begin >= 0.2)
    print('all DONE')


if __name__ == '__main__':
    main()
