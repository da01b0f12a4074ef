# enumerate and zip for looping over several things at once.

fruits = ["apple", "banana", "cherry"]
prices = [1.25, 0.5, 3.0]
stock = [10, 0, 25]

for i, fruit in enumerate(fruits):
    print(i, fruit)
for n, fruit in enumerate(fruits, start=1):
    print("%d. %s" % (n, fruit))
for fruit, price in zip(fruits, prices):
    print("%-7s costs %.2f" % (fruit, price))
for fruit, price, qty in zip(fruits, prices, stock):
    status = "in stock" if qty else "SOLD OUT"
    print(fruit, price * qty, status)
for i, (fruit, qty) in enumerate(zip(fruits, stock)):
    print(i, fruit, qty)

print(list(enumerate("xyz", 10)))
print(list(zip([1, 2, 3], ["a", "b"])))          # stops at the shortest
print(list(zip()))
print(dict(zip(fruits, prices)))
print(list(zip(*[(1, "a"), (2, "b"), (3, "c")])))  # unzip

# Parallel lists -> records
names = ["ann", "bob", "cy"]
ages = [31, 25, 40]
records = [{"name": n, "age": a} for n, a in zip(names, ages)]
print(records)
oldest = max(zip(ages, names))
print("oldest:", oldest[1], oldest[0])

# Finding positions
text = "the cat and the hat and the rabbit"
positions = [i for i, w in enumerate(text.split()) if w == "the"]
print("positions of 'the':", positions)
first_long = -1
for i, w in enumerate(text.split()):
    if len(w) > 3:
        first_long = i
        break
print("first long word index:", first_long)

# Pairwise differences
values = [3, 8, 2, 9, 15]
diffs = [b - a for a, b in zip(values, values[1:])]
print("diffs:", diffs)
print("increasing pairs:", [(a, b) for a, b in zip(values, values[1:]) if b > a])

# Matrix addition with zip
m1 = [[1, 2], [3, 4]]
m2 = [[10, 20], [30, 40]]
print([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(m1, m2)])
print("dot product:", sum([a * b for a, b in zip([1, 2, 3], [4, 5, 6])]))

# Enumerate over a dict and a string
for i, key in enumerate({"x": 1, "y": 2}):
    print(i, key)
for i, ch in enumerate("hi!"):
    print(i, repr(ch))
