# Integers in Python have arbitrary precision: they never overflow.

def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


print("small ints:", 7 + 5, 7 - 5, 7 * 5, 7 // 5, 7 % 5)
print("negatives:", -7 // 2, -7 % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2)
print("power:", 2 ** 10, 2 ** 64, (-3) ** 3, -3 ** 2)
print("unary:", -7, +7, - -7, +-7, -(2 ** 70), +(2 ** 70) == 2 ** 70)

big = 2 ** 100
print("2**100 =", big)
print("2**100 + 1 =", big + 1)
print("2**100 - 2**99 =", big - 2 ** 99)
print("2**100 // 3 =", big // 3, "remainder", big % 3)
print("negative big // 7 =", -big // 7, "and % 7 =", -big % 7)

f30 = factorial(30)
print("30! =", f30)
print("30! has", len(str(f30)), "digits")
print("30! // 29! =", f30 // factorial(29))

# Digits sum of 2**1000 (a classic exercise)
digits = str(2 ** 1000)
print("digit sum of 2**1000:", sum([int(d) for d in digits]))
print("first digits:", digits[:20], "last digits:", digits[-10:])

# Growing past 64 bits
x = 9223372036854775807
print("max int64:", x)
print("plus one:", x + 1)
print("times itself:", x * x)
print("negated minus one:", -x - 1, -x - 2)

# Comparisons between big and small numbers
print(big > x, big == 2 ** 100, -big < 0, big != big + 0)

# Mixing big ints and floats
print("float of 2**70:", float(2 ** 70))
print("2**70 / 2**68:", 2 ** 70 / 2 ** 68)
print("int(1e20):", int(1e20))

# Bit-like arithmetic without bit operators
n = 1
count = 0
while n < 10 ** 30:
    n *= 2
    count += 1
print("doublings to pass 10**30:", count, n)

# Fibonacci with big numbers
a, b = 0, 1
for _ in range(150):
    a, b = b, a + b
print("fib(150) =", a)
print("hex(fib(150)) =", hex(a))
print("abs(-big) == big:", abs(-big) == big)
print("pow(3, 200, 1000007) =", pow(3, 200, 1000007))
print("divmod(10**25, 12345) =", divmod(10 ** 25, 12345))
print("divmod(-10**25, 12345) =", divmod(-10 ** 25, 12345))
