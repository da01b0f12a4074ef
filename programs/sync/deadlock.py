# Two threads take two locks in opposite orders and deadlock, every time.
# Ports seeds/002_73fc9ba16e07fe02.txt, section "Deadlock" ("a resource is requested by
# several parties, none of which releases what it holds: deadlock"); the note's text
# stops there, with no code. This never finishes under python3 (run it with `timeout 5`);
# gilvm reports the deadlock and exits with status 1. A Barrier makes sure that each
# thread holds its first lock before it asks for the second, so the deadlock does not
# depend on luck. There are no timeouts anywhere. See philosophers.py for the fix (one
# global lock order).
# gilvm: scheduling-dependent
import threading

lock_a = threading.Lock()
lock_b = threading.Lock()
both_hold_one = threading.Barrier(2)


def transfer_a_to_b():
    with lock_a:
        both_hold_one.wait()
        with lock_b:  # held by the other thread, which is waiting for lock_a
            print('transfer_a_to_b got both locks')


def transfer_b_to_a():
    with lock_b:
        both_hold_one.wait()
        with lock_a:  # held by the other thread, which is waiting for lock_b
            print('transfer_b_to_a got both locks')


print('starting two threads that take lock_a and lock_b in opposite orders')
t1 = threading.Thread(target=transfer_a_to_b, name='a-then-b')
t2 = threading.Thread(target=transfer_b_to_a, name='b-then-a')
t1.start()
t2.start()
t1.join()
t2.join()
print('never printed')
