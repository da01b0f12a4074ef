# Tuples: immutable sequences, often used as records and dict keys.

empty = ()
single = (1,)
not_a_tuple = (1)
pair = 3, 4
print(empty, single, not_a_tuple, pair, type(single).__name__, type(not_a_tuple).__name__)
print(len(empty), len(single), len(pair))

point = (2, -5, 7)
print(point[0], point[-1], point[1:], point[::-1])
print(point + (8,), point * 2, 7 in point, max(point), sorted(point))
x, y, z = point
print("unpacked:", x, y, z)

try:
    point[0] = 10
except TypeError as e:
    print("TypeError:", e)

# Tuples as records
people = [("Ann", 31, "Oslo"), ("Bob", 25, "Rome"), ("Cyd", 47, "Lima")]
for name, age, city in people:
    print("%-4s %3d %s" % (name, age, city))
print("oldest:", max(people, key=lambda p: p[1])[0])
print("sorted by city:", [p[0] for p in sorted(people, key=lambda p: p[2])])

# Tuples as dictionary keys
distances = {("oslo", "rome"): 2010, ("rome", "lima"): 10850}
print(distances[("oslo", "rome")], distances.get(("lima", "oslo"), "unknown"))
board = {}
for r in range(3):
    for c in range(3):
        board[(r, c)] = "X" if (r + c) % 2 == 0 else "O"
for r in range(3):
    print(" ".join([board[(r, c)] for c in range(3)]))

# Comparison is element by element
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) > (1, 100), ("a", 1) == ("a", 1))
print(sorted([(2, "b"), (1, "c"), (2, "a")]))

# A tuple holding a list: the list can still change
holder = ([1, 2], "label")
holder[0].append(3)
print(holder)

# Functions returning several values
def stats(values):
    n = len(values)
    mean = sum(values) / n
    return min(values), max(values), mean

lo, hi, mean = stats([4, 8, 15, 16, 23, 42])
print("lo=%d hi=%d mean=%.2f" % (lo, hi, mean))
result = stats([1, 2])
print(result, type(result).__name__)
print(tuple(range(5)), tuple("hey"), tuple([1, [2]]), tuple({"k": 1}))
print(repr(("a",)), str((1, "b", None, 2.5)), hash((1, 2)) == hash((1, 2)))
print((1, 2) == [1, 2], list((1, 2)) == [1, 2], () == (), (1,) * 0)
