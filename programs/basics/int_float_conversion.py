# Converting between int, float and str.

texts = ["42", "-7", "+3", "  12  ", "007", "3.5", "1e3", "abc", "", "12a", "1_000"]
for t in texts:
    try:
        print(repr(t), "-> int", int(t))
    except ValueError as e:
        print(repr(t), "-> ValueError:", e)
for t in ["3.5", "-0.25", "1e3", "inf", "  2  ", "1.2.3", "nan", "one"]:
    try:
        print(repr(t), "-> float", float(t))
    except ValueError as e:
        print(repr(t), "-> ValueError:", e)

# int() with a base
print(int("ff", 16), int("FF", 16), int("777", 8), int("1010", 2), int("zz", 36), int("-10", 16))
try:
    int("12", 2)
except ValueError as e:
    print("ValueError:", e)

# float -> int truncates, round() rounds
for f in [2.7, -2.7, 2.5, 3.5, -0.5, 1e10, 123456789.999]:
    print(f, int(f), round(f), round(f, 1))

# int -> float may lose precision for huge values
big = 2 ** 53 + 1
print(big, float(big), int(float(big)), int(float(big)) == big)
print(float(10 ** 15), float(10 ** 16), float(123456789012345678))
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)

# str() and repr() of numbers
for value in [0, -0, 10 ** 25, 0.0, -0.0, 1.0, 1.10, 1e-4, 1e-5, 123e18, 1e16, 9.999e15]:
    print(str(value), repr(value))

# Mixed comparisons and arithmetic
print(1 == 1.0, 2 ** 0.5 * 2 ** 0.5 == 2, 10 / 3 * 3 == 10, int("5") + float("2.5"))
print(type(3 + 4.0).__name__, type(3 * 2).__name__, type(6 / 2).__name__, type(7 // 2.0).__name__)
print(str(3) + str(4), int("3") + int("4"), float("3") + 4)

# Bool conversions
print(int(True) + int(False), float(True), str(False), bool("False"), bool(0.0), bool(-1))

# Parsing user-style data
raw = "temp=21.5;count=7;ratio=0.125;label=x"
for item in raw.split(";"):
    key, value = item.split("=")
    try:
        number = int(value)
        kind = "int"
    except ValueError:
        try:
            number = float(value)
            kind = "float"
        except ValueError:
            number = value
            kind = "str"
    print("%-6s %-5s %r" % (key, kind, number))
