# map and filter (with named functions and lambdas), compared to comprehensions.


def square(n):
    return n * n


def is_even(n):
    return n % 2 == 0


nums = list(range(1, 11))
print(list(map(square, nums)))
print(list(filter(is_even, nums)))
print(list(map(lambda n: n * 10, filter(lambda n: n > 7, nums))))
print([square(n) for n in nums if is_even(n)] == list(map(square, filter(is_even, nums))))

print(list(map(str, [1, 2.5, None, True])))
print(list(map(int, "1 2 3 40".split())))
print(list(map(len, ["a", "bb", "", "dddd"])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(list(map(max, [1, 9, 3], [4, 5, 6], [0, 0, 10])))
print(list(filter(None, [0, 1, "", "x", None, [], [0], False, 2.5])))
print(list(filter(lambda s: s.isdigit(), ["12", "ab", "3", "4c"])))
print(sum(map(int, "12345")), max(map(len, ["aa", "b", "cccc"])))

upper_words = map(lambda w: w.upper(), ["gil", "lock", "thread"])
print(", ".join(upper_words))

# map objects are one-shot iterators
m = map(square, [1, 2, 3])
print(list(m), list(m))
f = filter(is_even, range(10))
print(sum(f), sum(f))

# Data cleaning pipeline
raw = ["  42 ", "x", "17", "  ", "-3", "8.5", "100"]
stripped = map(lambda s: s.strip(), raw)
numeric = filter(lambda s: s.lstrip("-").isdigit(), stripped)
values = list(map(int, numeric))
print("clean values:", values, "total:", sum(values))


class Product:
    def __init__(self, name, price):
        self.name = name
        self.price = price


catalog = [Product("pen", 1.5), Product("book", 12.0), Product("bag", 30.0), Product("cap", 8.25)]
cheap = filter(lambda p: p.price < 10, catalog)
print([p.name for p in cheap])
print(list(map(lambda p: "%s:%.2f" % (p.name, p.price * 1.2), catalog)))
print(sorted(map(lambda p: p.price, catalog), reverse=True))
print(any(map(lambda p: p.price > 25, catalog)), all(map(lambda p: p.price > 1, catalog)))
for name, price in zip(map(lambda p: p.name, catalog), map(lambda p: p.price, catalog)):
    print(name.rjust(6), price)
