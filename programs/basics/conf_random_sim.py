# Seeded simulations with random: dice, cards, walks, battles, choices().
import random
random.seed(42)
rolls = [random.randint(1, 6) for _ in range(20)]
print(rolls)
counts = {i: rolls.count(i) for i in range(1, 7)}
print(counts)
random.seed(2024)
deck = [r + s for s in "SHDC" for r in ["A", "2", "3", "4", "5", "6", "7", "8", "9", "T", "J", "Q", "K"]]
random.shuffle(deck)
hands = [deck[i::4][:5] for i in range(4)]
for i, h in enumerate(hands, 1):
    print(f"Player {i}: {' '.join(h)}")
print(random.choice(deck), random.sample(range(100), 5), round(random.random(), 6), round(random.uniform(1, 10), 4))
random.seed(7)
heads = sum(1 for _ in range(1000) if random.random() < 0.5)
print("heads:", heads)
def monte_carlo_pi(n):
    inside = 0
    for _ in range(n):
        x, y = random.random(), random.random()
        if x * x + y * y <= 1:
            inside += 1
    return 4 * inside / n
random.seed(1)
print(monte_carlo_pi(10000))
random.seed(99)
position = 0
path = []
for step in range(15):
    position += random.choice([-1, 1])
    path.append(position)
print(path, max(path), min(path))
random.seed(3)
print([random.randrange(0, 100, 5) for _ in range(6)], random.getrandbits(16), round(random.gauss(0, 1), 6))
class Creature:
    def __init__(self, name, hp, attack):
        self.name, self.hp, self.attack = name, hp, attack
    def alive(self):
        return self.hp > 0
    def hit(self, other):
        dmg = random.randint(1, self.attack)
        other.hp -= dmg
        return dmg
random.seed(12345)
hero, orc = Creature("Hero", 30, 8), Creature("Orc", 25, 10)
rnd = 0
while hero.alive() and orc.alive():
    rnd += 1
    d = hero.hit(orc)
    line = f"R{rnd}: hero hits {d}"
    if orc.alive():
        line += f", orc hits {orc.hit(hero)}"
    print(line, f"(hero {hero.hp}, orc {orc.hp})")
print("winner:", hero.name if hero.alive() else orc.name)
random.seed("seed string")
print(random.randint(1, 1000))
random.seed(5)
weights = []
for _ in range(5):
    weights.append(random.random())
print([f"{w:.4f}" for w in weights])
print(random.choices(["a", "b", "c"], k=5))
random.seed(10)
print(random.choices(["a", "b", "c"], k=5))
print(random.choices(range(10), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], k=8))
print(random.choices("xyz", weights=[0.2, 0.5, 0.3], k=6))
print(random.choices("xyz", cum_weights=[1, 1, 5], k=6))
print(random.choices([1, 2]), random.choices([1,2], k=0), random.choices([1,2], k=-3))
print(round(random.normalvariate(5, 2), 10), round(random.expovariate(1.5), 10), random.triangular(1, 10, 3), random.triangular())
for bad in [lambda: random.choices([1, 2], [1], k=2), lambda: random.choices([1], [0]), lambda: random.choices([1], 3), lambda: random.choices([], k=1), lambda: random.choices([1], [1], cum_weights=[1])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
