# Dictionaries: a small phone book.

phone = {"alice": "555-1234", "bob": "555-9876"}
print(phone)
phone["carol"] = "555-5555"
print("added carol:", phone)
print("bob's number:", phone["bob"])
print("get dave:", phone.get("dave"), phone.get("dave", "unknown"))
print("keys:", list(phone.keys()))
print("values:", list(phone.values()))
print("items:", list(phone.items()))
print("len:", len(phone), "alice" in phone, "zed" in phone, "zed" not in phone)

removed = phone.pop("alice")
print("popped:", removed, phone)
print("pop with default:", phone.pop("nobody", "n/a"))
print("setdefault existing:", phone.setdefault("bob", "x"))
print("setdefault new:", phone.setdefault("dave", "555-0000"), phone)
phone.update({"erin": "555-1111", "bob": "555-2222"})
print("update:", phone)
phone.update(frank="555-3333")
print("update kwargs:", phone)
copy = phone.copy()
copy["bob"] = "changed"
print("original bob:", phone["bob"], "copy bob:", copy["bob"])
del phone["carol"]
print("after del:", phone)

# Insertion order is preserved; reassigning keeps the position
order = {}
order["z"] = 1
order["a"] = 2
order["m"] = 3
order["z"] = 100
print(order)

# Keys can be ints, strings, tuples, booleans
grid = {(0, 0): "origin", (1, 2): "point"}
print(grid[(1, 2)], grid.get((5, 5), "empty"))
mixed = {1: "one", "1": "string one", 2.5: "float"}
print(mixed[1], mixed["1"], mixed[2.5])
print({1: "a", 1.0: "b", True: "c"})

# Counting with get
counts = {}
for letter in "mississippi":
    counts[letter] = counts.get(letter, 0) + 1
print(counts)
print(sorted(counts.items()))
print(sorted(counts, key=lambda k: counts[k], reverse=True))

# Grouping with setdefault
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)

# dict() constructor and comparisons
print(dict([("x", 1), ("y", 2)]), dict(a=1, b=2), dict(zip("abc", range(3))))
print({"a": 1, "b": 2} == {"b": 2, "a": 1})

try:
    print(phone["nobody"])
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    phone.pop("ghost")
except KeyError as e:
    print("pop KeyError:", e)
