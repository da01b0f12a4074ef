# Special ("dunder") methods let classes work with operators and builtins.

class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Vector(%r, %r)" % (self.x, self.y)

    def __str__(self):
        return "<%s, %s>" % (self.x, self.y)

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    def __eq__(self, other):
        return isinstance(other, Vector) and self.x == other.x and self.y == other.y

    def __lt__(self, other):
        return self.length2() < other.length2()

    def __hash__(self):
        return hash((self.x, self.y))

    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i == 0:
            return self.x
        if i == 1:
            return self.y
        raise IndexError("Vector index out of range")

    def __contains__(self, value):
        return value == self.x or value == self.y

    def __call__(self, scale):
        return self * scale

    def length2(self):
        return self.x * self.x + self.y * self.y

a = Vector(1, 2)
b = Vector(3, -1)
print(a, repr(b), [a, b])
print("a + b =", a + b, " a - b =", a - b, " a * 3 =", a * 3)
print("a == Vector(1, 2):", a == Vector(1, 2), " a != b:", a != b, " a == 5:", a == 5)
print("a < b:", a < b, " b < a:", b < a, " b > a:", b > a)
print("len:", len(a), " items:", a[0], a[1], a[-0])
print("in:", 2 in a, 5 in a, 5 not in a)
print("bool uses __len__:", bool(a), "yes" if Vector(0, 0) else "no")
print("call:", a(10))
print("sorted:", sorted([Vector(5, 5), Vector(1, 0), Vector(2, 2)]))
print("min/max:", min([b, a]), max([b, a]))
unique = {Vector(1, 2), Vector(1, 2), Vector(2, 1)}
print("set size:", len(unique))
d = {a: "first"}
print("dict lookup with equal key:", d[Vector(1, 2)])
x, y = a[0], a[1]
print("unpacked:", x, y)
try:
    a[2]
except IndexError as e:
    print("IndexError:", e)

class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    def __eq__(self, other):
        return self.celsius == other.celsius

    def __lt__(self, other):
        return self.celsius < other.celsius

    def __repr__(self):
        return "Temperature(%s)" % self.celsius

temps = [Temperature(30), Temperature(-5), Temperature(12)]
temps.sort()
print(temps, temps[0] == Temperature(-5), Temperature(1) > Temperature(0))
try:
    print(Temperature(1) <= Temperature(2))
except TypeError as e:
    print("TypeError:", e)
