# A writer thread puts objects into a Queue(32) while a reader thread takes them out.
# Ports seeds/004_249857bcae2b796f.txt, section "The producer-consumer problem and the
# Queue module" (class MyThread with getResult(), writeQ()/readQ(), writer() and reader()
# with nloops = randint(10, 20), q = Queue(32)). Python 2 -> 3: `from Queue import Queue`
# -> `from queue import Queue`; print statements -> print(). Changed: random is seeded;
# sleep(1) / sleep(randint(2, 5)) became a few milliseconds; the "starting at: <time>" and
# "size now N" lines (times and sizes differ from run to run) are recorded without them
# and printed per thread after join(); writer() and reader() return how many objects they
# handled, so getResult() has something to show (the note's returned None).
from queue import Queue
from random import randint, seed
from time import sleep
from threading import Thread, Lock, current_thread

seed(4)
log = {}
log_lock = Lock()


def note(line):
    with log_lock:
        log.setdefault(current_thread().name, []).append(line)


class MyThread(Thread):

    def __init__(self, func, args, name=""):
        super(MyThread, self).__init__()
        self.name = name
        self.func = func
        self.args = args

    def getResult(self):
        return self.res

    def run(self):
        note('starting %s' % self.name)
        self.res = self.func(*self.args)
        note('%s finished' % self.name)


# writeQ() and readQ() put one object into the queue and take one out; the string 'xxx'
# stands for the object.
def writeQ(queue):
    note('producing object for Q...')
    queue.put('xxx', 1)
    sizes.append(queue.qsize())


def readQ(queue):
    got = queue.get(1)
    note('consumed object %r from Q' % got)


def writer(queue, loops):
    # puts one object into the queue, waits a little, and does it again
    for i in range(loops):
        writeQ(queue)
        sleep(0.001)
    return loops


def reader(queue, loops):
    # takes one object out of the queue, waits a little, and does it again
    for i in range(loops):
        readQ(queue)
        sleep(0.001 * randint(2, 5))
    return loops


funcs = [writer, reader]
nfuncs = range(len(funcs))
sizes = []


def main():
    nloops = randint(10, 20)
    q = Queue(32)
    threads = []

    for i in nfuncs:
        t = MyThread(funcs[i], (q, nloops), funcs[i].__name__)
        threads.append(t)

    for i in nfuncs:
        threads[i].start()

    for i in nfuncs:
        threads[i].join()
        print(threads[i].getResult())

    for name in ('writer', 'reader'):
        print('--- %s (%d lines)' % (name, len(log[name])))
        lines = log[name]
        for line in lines[:3] + ['...'] + lines[-2:]:
            print(line)
    print('every size seen was between 0 and 32:', all(0 <= s <= 32 for s in sizes))
    print('queue empty at the end:', q.empty(), q.qsize())
    print('all DONE')


if __name__ == '__main__':
    main()
