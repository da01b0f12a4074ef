# while loops, break/continue, and the else clause on loops.

n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz(27) steps:", steps)

def find_divisor(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            print(n, "is divisible by", d)
            break
        d += 1
    else:
        print(n, "is prime")

for number in [91, 97, 1, 100, 7919]:
    find_divisor(number)

# for/else: else runs when the loop did not break
for word in ["alpha", "beta", "gamma"]:
    if word.startswith("z"):
        print("found", word)
        break
else:
    print("no word starts with z")

for word in ["alpha", "beta", "zeta"]:
    if word.startswith("z"):
        print("found", word)
        break
else:
    print("not printed")

# continue skips the rest of the body
i = 0
odds = []
while i < 15:
    i += 1
    if i % 2 == 0:
        continue
    odds.append(i)
print("odds:", odds)

# nested loops with break only leave the inner loop
for row in range(4):
    line = ""
    for col in range(10):
        if col > row * 2:
            break
        line += str(col)
    print("row", row, line)

# while True with break: a tiny state machine (traffic light)
state = "green"
transitions = {"green": "yellow", "yellow": "red", "red": "green"}
ticks = 0
history = []
while True:
    history.append(state)
    state = transitions[state]
    ticks += 1
    if ticks >= 7:
        break
print(" -> ".join(history))

# else runs even when the loop body never executes
while False:
    pass
else:
    print("while False: else ran")
for x in []:
    print("never")
else:
    print("empty for: else ran")

countdown = 5
while countdown:
    print(countdown, end=" ")
    countdown -= 1
print("liftoff!")
