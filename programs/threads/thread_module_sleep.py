# _thread.start_new_thread with the main thread waiting by sleeping (the unreliable way).
# Ports seeds/004_249857bcae2b796f.txt, section "The thread module", first example (loop(4)
# and loop1(5) started with thread.start_new_thread, main does sleep(6)). Python 2 -> 3:
# `import thread` became `import _thread`. Changed: sleeps are 0.2/0.3 s and the main thread
# sleeps 0.5 s; the workers record their events instead of printing timestamps, and after
# its sleep the main thread also polls a counter, so a slow machine cannot break the output.
import _thread
from time import sleep, monotonic

events = []
finished = []


def loop(num):
    events.append(('loop', 'start loop'))
    sleep(num)
    events.append(('loop', 'loop done'))
    finished.append('loop')


def loop1(num):
    events.append(('loop 1', 'start loop 1'))
    sleep(num)
    events.append(('loop 1', 'loop 1 done'))
    finished.append('loop 1')


def main():
    print('starting')
    begin = monotonic()
    # start_new_thread needs an args tuple, even an empty one for a function without arguments.
    _thread.start_new_thread(loop, (0.2,))
    _thread.start_new_thread(loop1, (0.3,))
    sleep(0.5)
    while len(finished) < 2:  # safety net: the note relies on sleep(6) alone
        sleep(0.01)
    elapsed = monotonic() - begin
    for who in ['loop', 'loop 1']:
        print(who, '->', [e for w, e in events if w == who])
    print('finished:', sorted(finished))
    print('waited at least 0.5 s:', elapsed >= 0.5)
    print('all DONE')


if __name__ == '__main__':
    main()
