# How floats are printed: repr gives the shortest string that round-trips.

values = [0.1, 0.2, 0.1 + 0.2, 1.0, -0.0, 0.5, 2.5, 1 / 3, 2 / 3, 10 / 4,
          1e16, 1e15, 123456789.0, 1.5e-5, 0.0001, 0.00001, 1e22, 1e-7,
          3.141592653589793, 100.0, 1e100, 12345678901234567890.0]
for v in values:
    print(repr(v), str(v))

print("sum of tenths:", sum([0.1] * 10))
print("0.1 + 0.2 == 0.3:", 0.1 + 0.2 == 0.3)
print("abs diff small:", abs((0.1 + 0.2) - 0.3) < 1e-9)

# Integer-valued floats keep a trailing .0
print(2.0 * 3, 9 / 3, 7.0 // 2, 7.5 % 2, -7.5 % 2, -7.5 // 2)
print(float(7), float("3.25"), float("  -2.5 "), float("1e3"))
print(float("inf"), float("-inf"), -float("inf"))
nan = float("nan")
print(nan, nan == nan, nan != nan)

# Rounding: round-half-to-even, and floats that are not exact
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 2), round(1.005, 2), round(3.14159, 3), round(1234.5678, -2))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__)

# int() truncates toward zero
print(int(3.9), int(-3.9), int(2.0), int(-0.5))

# Mixed arithmetic produces floats
print(1 + 2.0, 3 * 0.5, 2 ** 0.5, 2 ** -1, 10 / 5, 4 ** 0.5)
print(1e300 * 10, -1e300 * 10)

# Formatting floats in different ways
x = 1234.56789
print(str(x), "%.2f" % x, f"{x:.1f}", f"{x:e}", f"{x:.3e}", f"{x:,.2f}")
print(f"{0.000123:.2e}", f"{123456789.0:,.1f}", f"{1.0:.3f}", f"{2.5:.0f}", f"{3.5:.0f}")

# Accumulating floats in a loop
total = 0.0
for i in range(1, 11):
    total += 1 / i
print("harmonic(10) =", total)
print("as percent: %.3f%%" % (total * 10))

# Very large / very small
print(2.0 ** 100, 2.0 ** -30, 1 / 1024)
print(float(10 ** 20), 10 ** 20 / 1, 1e20 == 10 ** 20)
print(max(0.1, 0.01, 0.001), min(-1.5, 2, -1))
