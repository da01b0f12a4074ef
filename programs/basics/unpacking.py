# Tuple unpacking, starred assignment and swapping.

a, b = 1, 2
print(a, b)
a, b = b, a
print("swapped:", a, b)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
first, *rest = [10, 20, 30, 40]
print(first, rest)
*init, last = [10, 20, 30, 40]
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
one, *empty = [1]
print(one, empty)
a, *b, c = "hello"
print(a, b, c)

point = (3, 4)
px, py = point
print("distance^2:", px * px + py * py)

# Unpacking in for loops
pairs = [("one", 1), ("two", 2), ("three", 3)]
for word, number in pairs:
    print(word, "=", number)
for i, (word, number) in enumerate(pairs):
    print(i, word, number)
for key, value in {"k1": "v1", "k2": "v2"}.items():
    print(key, "->", value)

# Multiple return values are tuples
def min_max(values):
    return min(values), max(values)

lo, hi = min_max([7, 2, 9, 4])
print("lo", lo, "hi", hi, "tuple:", min_max([1]))

# Star in calls and literals
nums = [1, 2, 3]
print(*nums)
print(*nums, sep=", ")
def show(*args, **kwargs):
    print("args:", args, "kwargs:", kwargs)

show(*nums)
show(*nums, *"ab", 4)
show(**{"a": 1, "b": 2})
show(0, *nums, key="value", **{"extra": True})

# Chained assignment
m = n = [0]
m.append(1)
print(m, n, m is n)
i = j = 5
i += 1
print(i, j)

# Swapping items in a list (bubble sort)
data = [5, 1, 4, 2, 3]
for end in range(len(data) - 1, 0, -1):
    for k in range(end):
        if data[k] > data[k + 1]:
            data[k], data[k + 1] = data[k + 1], data[k]
print("bubble sorted:", data)

# Errors
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
