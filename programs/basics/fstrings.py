# f-strings: formatted string literals.

name = "Ada"
age = 36
pi = 3.14159265
items = ["apple", "pear"]
big = 1234567890

print(f"Hello, {name}!")
print(f"{name} is {age} years old, next year {age + 1}.")
print(f"repr of name: {name!r}, list: {items}, first: {items[0]!r}")
print(f"pi to 2 places: {pi:.2f}, to 4: {pi:.4f}")
print(f"width 8, 3 decimals: [{pi:8.3f}]")
print(f"right [{name:>7}] left [{name:<7}] center [{name:^7}]")
print(f"zero padded: {age:05d} {7:03}")
print(f"thousands: {big:,} {1234.5:,.2f}")
print(f"hex: {255:x} {255:X} {255:#x}")
print(f"exponent: {12345.678:e} {0.00012:.2e}")
print(f"sign: {5:+d} {-5:+d} [{5: d}]")
print(f"fill: [{name:*^11}] [{42:-<6}] [{42:0>6}]")
print(f"strings width: [{'ab':5}] [{7:5}]")
print(f"expressions: {2 ** 10} {len(items)} {'yes' if age > 18 else 'no'}")
print(f"method call: {name.upper()} {', '.join(items)}")
print(f"braces: {{literal}} and {{{age}}}")
print(f"dict access: {dict(a=1)['a']}")

width = 10
precision = 3
print(f"nested spec: [{pi:{width}.{precision}f}]")

# Building a table
rows = [("widget", 4, 3.5), ("gadget", 12, 10.25), ("doohickey", 1, 99.999)]
print(f"{'item':<10}|{'qty':>5}|{'price':>9}")
print("-" * 26)
for item, qty, price in rows:
    print(f"{item:<10}|{qty:>5}|{price:>9.2f}")
total = sum([q * p for _, q, p in rows])
print(f"{'total':<10}|{'':>5}|{total:>9.2f}")

# Multi-line f-string
report = (f"Name: {name}\n"
          f"Age:  {age}")
print(report)
print(f"""triple {name}
second line {age * 2}""")

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __str__(self):
        return f"({self.x}, {self.y})"

p = Point(3, 4)
print(f"str: {p}  repr: {p!r}  x={p.x}")
print(f"{None} {True} {False!r} {3.0} {1e20}")
