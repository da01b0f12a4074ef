# Sorting with key functions and lambdas.

students = [
    ("alice", 88, 20),
    ("bob", 95, 22),
    ("carol", 88, 19),
    ("dave", 72, 21),
    ("eve", 95, 20),
]

print("by name:", [s[0] for s in sorted(students)])
print("by score:", [s[0] for s in sorted(students, key=lambda s: s[1])])
print("by score desc:", [s[0] for s in sorted(students, key=lambda s: s[1], reverse=True)])
print("by score desc, then age:", [s[0] for s in sorted(students, key=lambda s: (-s[1], s[2]))])
print("youngest:", min(students, key=lambda s: s[2]))
print("oldest:", max(students, key=lambda s: s[2]))
print("top scorer (first wins ties):", max(students, key=lambda s: s[1])[0])

words = ["banana", "Apple", "cherry", "date", "Elderberry", "fig"]
print(sorted(words))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w.lower())))
print(sorted(words, key=lambda w: w[-1]))

# Stability: equal keys keep their original order
records = [("x", 2), ("y", 1), ("z", 2), ("w", 1)]
print(sorted(records, key=lambda r: r[1]))

# Lambdas as values
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(12), add(1), add(1, 2), (lambda: "no args")())
compose = lambda f, g: lambda x: f(g(x))
inc_then_square = compose(square, lambda x: x + 1)
print(inc_then_square(4))

# sort in place with a key
numbers = [-7, 3, -1, 8, -10, 2]
numbers.sort(key=abs)
print("by abs:", numbers)
numbers.sort(key=lambda n: (n % 2, n))
print("evens first:", numbers)

# Sorting dicts
inventory = {"apples": 12, "pears": 3, "kiwis": 12, "plums": 7}
print(sorted(inventory))
print(sorted(inventory.items(), key=lambda kv: kv[1]))
print(sorted(inventory, key=inventory.get, reverse=True))
print(max(inventory, key=lambda k: inventory[k]), min(inventory.values()))
print(max([], default="empty"), min([], key=len, default=None), max([3, 1], default=0))
print(max(3, 7, 5), min("b", "a", "c"), max("hello"), min([[2, 1], [1, 5], [1, 2]]))
print(sorted("Mississippi"), sorted((3, 1, 2), reverse=True), sorted({"b": 1, "a": 2}))
