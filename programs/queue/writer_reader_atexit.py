# Writer and reader threads share a Queue(32); "all Done" is printed when the program ends.
# Ports seeds/000_b287556471e6e9bb.txt, section "Code example" (MyThread with get_result(),
# write_q()/read_q() with queue.put('xxx', 1) / queue.get(1), writer() and reader() with
# nloops = randint(4, 6), and an @atexit.register function printing 'all Done at:'
# ctime()). Python 2 -> 3: `from Queue import Queue` -> `from queue import Queue`; print
# statements -> print(). Changed: `atexit` is not available, so the main thread joins the
# workers and calls _atexit() itself (CPython runs atexit handlers after the non-daemon
# threads end, so the effect is the same); ctime() is dropped; random is seeded; sleeps
# of randint(1, 3) / randint(2, 5) seconds became milliseconds; the lines the threads
# printed (in racing order, with queue sizes that vary) are recorded and printed per
# thread at the end.
from random import randint, seed
from time import sleep
from queue import Queue
import threading

seed(0)
lines = {'writer': [], 'reader': []}


class MyThread(threading.Thread):
    def __init__(self, func, args, name=''):
        threading.Thread.__init__(self)
        self.name = name
        self.func = func
        self.args = args
        self.res = ''

    def get_result(self):
        return self.res

    def run(self):
        lines[self.name].append('starting  %s' % self.name)
        self.res = self.func(*self.args)
        lines[self.name].append('%s  finished' % self.name)


def write_q(queue):
    queue.put('xxx', 1)
    lines['writer'].append('producing object for Q...')


def read_q(queue):
    queue.get(1)
    lines['reader'].append('consumed object from Q...')


def writer(queue, loops):
    for i in range(loops):
        write_q(queue)
        sleep(0.001 * randint(1, 3))
    return 'wrote %d' % loops


def reader(queue, loops):
    for i in range(loops):
        read_q(queue)
        sleep(0.001 * randint(2, 5))
    return 'read %d' % loops


funcs = [writer, reader]
nfuncs = range(len(funcs))


def _atexit():
    print('all Done')


def main():
    nloops = randint(4, 6)
    q = Queue(32)
    threads = []

    for i in nfuncs:
        t = MyThread(funcs[i], (q, nloops), funcs[i].__name__)
        threads.append(t)

    for i in nfuncs:
        threads[i].start()
    return q, threads


if __name__ == '__main__':
    q, threads = main()
    for t in threads:
        t.join()
    for t in threads:
        print(t.name, 'result:', t.get_result())
        for line in lines[t.name]:
            print('  ', line)
    print('left in the queue:', q.qsize())
    _atexit()
