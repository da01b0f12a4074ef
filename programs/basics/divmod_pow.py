# Floor division, modulo, divmod and powers, including negative numbers.

pairs = [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (5, 17), (10 ** 20, 7)]
print("%6s %6s %6s %6s %10s" % ("a", "b", "a//b", "a%b", "divmod"))
for a, b in pairs:
    if a < 10 ** 6:
        print("%6d %6d %6d %6d %10s" % (a, b, a // b, a % b, divmod(a, b)))
    else:
        print("big:", a // b, a % b, divmod(a, b))
    q, r = divmod(a, b)
    assert q * b + r == a

print("floats:", 7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, divmod(7.5, 2), divmod(-7.5, 2))
print("float modulo sign follows divisor:", 5.0 % -3, -5.0 % 3, 0.0 % 5)
print("true division always float:", 6 / 3, 7 / 2, -7 / 2, 1 / 8)

print("powers:", 2 ** 0, 2 ** 1, 2 ** 10, 0 ** 0, (-2) ** 3, (-2) ** 4, -2 ** 4)
print("negative exponent gives float:", 2 ** -2, 10 ** -3, (-2) ** -1)
print("float powers:", 2.0 ** 3, 9 ** 0.5, 2 ** 0.5, 1.5 ** 2)
print("right associative:", 2 ** 3 ** 2, (2 ** 3) ** 2)
print("pow with modulus:", pow(2, 100, 1000), pow(3, 4, 5), pow(10, 18, 7))
print("big power:", 3 ** 100)
print("big power digits:", len(str(7 ** 500)))

# Time conversions with divmod
def hms(seconds):
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    return "%dd %02d:%02d:%02d" % (days, hours, minutes, seconds)

for secs in [59, 3600, 3661, 86399, 90061, 1000000]:
    print(secs, "->", hms(secs))

# Digits of a number with % and //
def digits(n):
    out = []
    while n > 0:
        n, d = divmod(n, 10)
        out.append(d)
    return out[::-1] or [0]

print(digits(9075), digits(0), digits(2 ** 64))

# Base conversion
def to_base(n, base):
    symbols = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    out = ""
    while n:
        n, r = divmod(n, base)
        out = symbols[r] + out
    return out

for n in [255, 1000, 2 ** 70]:
    print(n, to_base(n, 2), to_base(n, 16), to_base(n, 36), int(to_base(n, 36), 36) == n)

# Augmented versions
x = 100
x //= 7
print(x)
x %= 5
print(x)
x **= 10
print(x)
x //= -3
print(x)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
