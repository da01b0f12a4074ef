# Benchmark: method calls on class instances, attribute reads and writes.


class Particle:
    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy

    def step(self, dt):
        self.x = self.x + self.vx * dt
        self.y = self.y + self.vy * dt
        if self.x < 0 or self.x > 1000:
            self.vx = -self.vx
        if self.y < 0 or self.y > 1000:
            self.vy = -self.vy

    def energy(self):
        return self.vx * self.vx + self.vy * self.vy


class World:
    def __init__(self, n):
        self.particles = []
        for i in range(n):
            self.particles.append(Particle(i * 7 % 1000, i * 13 % 1000, i % 5 - 2, i % 7 - 3))
        self.ticks = 0

    def tick(self):
        for p in self.particles:
            p.step(1)
        self.ticks += 1

    def total_energy(self):
        total = 0
        for p in self.particles:
            total += p.energy()
        return total


world = World(500)
checksum = 0
for t in range(4000):
    world.tick()
    if t % 50 == 0:
        checksum = (checksum * 31 + world.total_energy()) % 1000000007
positions = 0
for p in world.particles:
    positions = (positions + p.x * 3 + p.y) % 1000000007
print("ticks:", world.ticks, "energy checksum:", checksum, "positions:", positions)
