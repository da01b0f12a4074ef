# Old-style % string formatting.

name = "Bob"
score = 87.456
count = 42

print("Hello, %s!" % name)
print("%s scored %d points" % (name, count))
print("score: %f" % score)
print("score: %.2f" % score)
print("score: %.0f" % score)
print("padded: [%5d] [%-5d] [%05d]" % (count, count, count))
print("strings: [%10s] [%-10s]" % (name, name))
print("repr: %r and %r" % (name, 3))
print("hex: %x %X %#x" % (255, 255, 255))
print("percent sign: %d%%" % 100)
print("mixed: %s is %d years and %.1f%% done" % ("task", 3, 45.678))
print("width and precision: [%8.3f]" % 3.14159)
print("a tuple inside: %s" % ((1, 2),))
print("list: %s" % [1, 2, 3])
print("none: %s, bool: %s, int of bool: %d" % (None, True, True))
print("float as %%d: %d" % 3.99)
print("int as %%s: %s, as %%f: %f" % (7, 7))
print("exponent: %e %.3e" % (12345.6789, 0.000123))

record = {"user": "carol", "logins": 17, "ratio": 0.3333}
print("%(user)s logged in %(logins)d times (%(ratio).2f)" % record)

# A receipt
items = [("coffee", 2, 3.5), ("bagel", 1, 2.25), ("juice", 3, 4.0)]
print("%-10s %3s %8s" % ("item", "qty", "cost"))
for item, qty, price in items:
    print("%-10s %3d %8.2f" % (item, qty, qty * price))
print("%-10s %3s %8.2f" % ("TOTAL", "", sum([q * p for _, q, p in items])))

# Errors when the arguments do not match
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % (1, 2, 3))
except TypeError as e:
    print("TypeError:", e)

# str.format for comparison
print("{} + {} = {}".format(1, 2, 3))
print("{0} {1} {0}".format("a", "b"))
print("{name} has {n} items".format(name="dave", n=5))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:.3f} {:,} {:05d}".format(2 / 3, 1000000, 42))
