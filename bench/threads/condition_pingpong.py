# Benchmark: two threads take turns through a Condition, 50,000 rounds.
import threading

ROUNDS = 50_000
cond = threading.Condition()
turn = [0]


def player(me):
    for _ in range(ROUNDS):
        with cond:
            while turn[0] != me:
                cond.wait()
            turn[0] = 1 - me
            cond.notify()


threads = [threading.Thread(target=player, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(turn[0])
