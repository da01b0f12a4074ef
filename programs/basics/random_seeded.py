# After random.seed(N) the "random" numbers are the same every run.
import random

random.seed(42)
print("random():", [random.random() for _ in range(5)])
print("randint(1, 6):", [random.randint(1, 6) for _ in range(20)])
print("randint(0, 10**12):", random.randint(0, 10 ** 12))
print("uniform(10, 20):", random.uniform(10, 20))

colors = ["red", "green", "blue", "yellow", "purple"]
print("choice:", [random.choice(colors) for _ in range(8)])
deck = list(range(1, 14))
random.shuffle(deck)
print("shuffled:", deck)
random.shuffle(deck)
print("again:", deck)

# Re-seeding reproduces the sequence
random.seed(2024)
first = [random.randint(1, 100) for _ in range(6)]
random.seed(2024)
second = [random.randint(1, 100) for _ in range(6)]
print(first, second, first == second)

# A dice simulation
random.seed(7)
counts = {}
for _ in range(600):
    roll = random.randint(1, 6) + random.randint(1, 6)
    counts[roll] = counts.get(roll, 0) + 1
for total in sorted(counts):
    print("%2d %3d %s" % (total, counts[total], "#" * (counts[total] // 5)))

# A random walk
random.seed(0)
position = 0
path = []
for step in range(20):
    position += random.choice([-1, 1])
    path.append(position)
print("walk:", path)
print("max distance:", max([abs(p) for p in path]))

# Monte Carlo estimate of pi
random.seed(123)
inside = 0
trials = 5000
for _ in range(trials):
    x = random.random()
    y = random.random()
    if x * x + y * y <= 1.0:
        inside += 1
print("pi estimate:", 4 * inside / trials)

random.seed(99)
print("floats:", [round(random.uniform(-1, 1), 4) for _ in range(4)])
print("big seed:", random.seed(10 ** 30) is None, random.random())
random.seed(-5)
print("negative seed:", random.random(), random.randint(-3, 3))
