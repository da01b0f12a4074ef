# The math module: sqrt, floor, ceil, pi.
import math
from math import sqrt, pi
import math as m

print("pi =", math.pi, "equal via alias:", pi == m.pi)
print("sqrt:", math.sqrt(16), math.sqrt(2), sqrt(0.25), math.sqrt(10 ** 10))
print("floor:", math.floor(3.7), math.floor(-3.2), math.floor(5), type(math.floor(2.5)).__name__)
print("ceil:", math.ceil(3.2), math.ceil(-3.7), math.ceil(4.0), m.ceil(0.0001))


def circle_area(r):
    return math.pi * r * r


def hypotenuse(a, b):
    return math.sqrt(a * a + b * b)


for r in [1, 2.5, 10]:
    print("area of r=%s: %.4f" % (r, circle_area(r)))
for a, b in [(3, 4), (5, 12), (1, 1)]:
    print("hyp(%d, %d) = %s" % (a, b, hypotenuse(a, b)))


def is_perfect_square(n):
    root = math.floor(math.sqrt(n))
    return root * root == n


print([n for n in range(1, 101) if is_perfect_square(n)])


def pages_needed(items, per_page):
    return math.ceil(items / per_page)


for items in [0, 1, 10, 11, 95]:
    print(items, "items ->", pages_needed(items, 10), "pages")

# Quadratic equation solver
def solve(a, b, c):
    disc = b * b - 4 * a * c
    if disc < 0:
        return []
    if disc == 0:
        return [-b / (2 * a)]
    root = math.sqrt(disc)
    return sorted([(-b - root) / (2 * a), (-b + root) / (2 * a)])


for coeffs in [(1, -3, 2), (1, 2, 1), (1, 0, 1), (2, 5, -3)]:
    print(coeffs, "->", solve(*coeffs))

print("degrees in a radian: %.6f" % (180 / math.pi))
print("circumference of earth-ish: %d km" % (2 * math.pi * 6371))
print(f"{math.pi:.10f} {math.sqrt(3):8.3f} {math.pi * 1e6:,.1f}")
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
print(math.floor(-0.5), math.ceil(-0.5), math.floor(10 ** 20 + 0.0) == 10 ** 20)
