# Sets: unique, unordered collections. We print sorted() to get a fixed order.

python_fans = {"ann", "ben", "cat", "dan"}
rust_fans = {"cat", "dan", "eve"}
print("python:", sorted(python_fans))
print("rust:", sorted(rust_fans))
print("both (&):", sorted(python_fans & rust_fans))
print("either (|):", sorted(python_fans | rust_fans))
print("python only (-):", sorted(python_fans - rust_fans))
print("rust only (-):", sorted(rust_fans - python_fans))
print("len:", len(python_fans), len(rust_fans), len(python_fans | rust_fans))
print("ann" in python_fans, "ann" in rust_fans, "zed" not in rust_fans)

s = set()
print("empty:", len(s), sorted(s))
s.add(3)
s.add(1)
s.add(3)
s.add(2)
print("after adds:", sorted(s), len(s))
s.remove(1)
print("after remove:", sorted(s))
s.discard(10)
s.discard(2)
print("after discards:", sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)

# Removing duplicates
data = [4, 1, 4, 2, 1, 5, 2, 4]
unique = set(data)
print("unique sorted:", sorted(unique), "count:", len(unique))
letters = set("hello world")
print("letters:", sorted(letters))

# Set comprehension
squares_mod = {n * n % 7 for n in range(20)}
print("squares mod 7:", sorted(squares_mod))

# Equality and subset via operators
a = {1, 2, 3}
b = {3, 2, 1}
print(a == b, a != {1, 2}, {1, 2} < a, a <= b, a > {1})
print(sorted(a | {4} | {5, 6}), sorted((a - {1}) & {2, 9}))

# Tuples are hashable, so they can live in sets
visited = set()
for move in [(0, 0), (0, 1), (1, 1), (0, 1), (0, 0)]:
    if move in visited:
        print("already visited", move)
    else:
        visited.add(move)
        print("visit", move)
print("visited:", sorted(visited))

# Augmented set operators
tags = {"red"}
tags |= {"green", "blue"}
tags -= {"red"}
print("tags:", sorted(tags))
print(sorted({x for x in "abracadabra" if x not in "abc"}))
print(type(set()).__name__, type({1}).__name__, type({}).__name__)
