# The iterator protocol: __iter__ returns an iterator, __next__ produces items
# and raises StopIteration when done.

class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        value = self.current
        self.current -= 1
        return value

print("countdown:", [n for n in Countdown(5)])
for n in Countdown(3):
    print("tick", n)

class Fibs:
    """An iterable that creates a fresh iterator each time."""

    def __init__(self, limit):
        self.limit = limit

    def __iter__(self):
        return FibIterator(self.limit)

class FibIterator:
    def __init__(self, limit):
        self.a, self.b = 0, 1
        self.limit = limit

    def __iter__(self):
        return self

    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        value = self.a
        self.a, self.b = self.b, self.a + self.b
        return value

fibs = Fibs(100)
print("fibs:", list(fibs))
print("again:", list(fibs), "sum:", sum(fibs), "max:", max(fibs))
print("sorted desc:", sorted(fibs, reverse=True)[:4])
print("in:", 21 in fibs, 22 in fibs)
print("zip:", list(zip(Countdown(3), "abc")))
print("enumerate:", list(enumerate(Countdown(2))))
print("tuple/set:", tuple(Countdown(3)), sorted(set(Countdown(4))))
print("any/all:", any(Countdown(0)), all(Countdown(3)))
a, b, c = Countdown(3)
print("unpacked:", a, b, c)

# Calling __next__ by hand
it = Countdown(2)
print(it.__next__(), it.__next__())
try:
    it.__next__()
except StopIteration:
    print("StopIteration raised")

class Range2D:
    def __init__(self, rows, cols):
        self.rows = rows
        self.cols = cols

    def __iter__(self):
        self.r, self.c = 0, 0
        return self

    def __next__(self):
        if self.r >= self.rows:
            raise StopIteration
        cell = (self.r, self.c)
        self.c += 1
        if self.c == self.cols:
            self.c = 0
            self.r += 1
        return cell

for row, col in Range2D(2, 3):
    print("cell", row, col, end="; ")
print()
print("map over iterator:", list(map(lambda p: p[0] * 10 + p[1], Range2D(2, 2))))
