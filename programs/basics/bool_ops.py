# Boolean operators return one of their operands, and short-circuit.

print(True and False, True or False, not True, not 0, not "")
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0)
print([] and "never", "x" and "y" and "z", 0 or None, None and 1)
print(not None, not [], not [0], not 3.5, not not "a")


def check(label, value):
    print("  checking", label)
    return value


print("and short-circuit:")
r = check("first", False) and check("second", True)
print("  ->", r)
print("or short-circuit:")
r = check("first", "hit") or check("second", "miss")
print("  ->", r)
print("both evaluated:")
r = check("first", 1) and check("second", 0)
print("  ->", r)

# Common idioms
name = ""
display = name or "anonymous"
print("display:", display)
config = {"debug": 0}
debug = config.get("debug") or False
print("debug:", debug)
items = [3, 4]
first = items and items[0]
print("first:", first, "empty first:", [] and [][0])

# Truthiness of various values
values = [0, 1, -1, 0.0, 0.5, "", " ", "False", [], [None], (), (0,), {}, {0: 0},
          set(), None, True, False]
for v in values:
    print(repr(v), "->", "truthy" if v else "falsy")

# bool arithmetic
print(True + True, True * 10, False - 1, sum([True, False, True, True]))
print(int(True), float(False), str(True), repr(False), True == 1.0)
print(isinstance(True, int), type(True + 1).__name__)

# precedence: not > and > or
print(not 1 == 2, not (1 == 2) and 3, 1 or 2 and 0, (1 or 2) and 0)
a, b, c = True, False, True
print(a and b or c, a and (b or c), not a or b, not (a or b))
print(a if b else c, (1 if a else 2) + 10, "even" if 10 % 2 == 0 else "odd")

ages = [5, 15, 25, 70]
for age in ages:
    kind = "child" if age < 13 else "teen" if age < 20 else "senior" if age >= 65 else "adult"
    print(age, kind)
