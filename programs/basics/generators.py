# Generator functions: lazy sequences, send(), return values, and generator expressions.


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


print(list(count_up(5)))
for x in count_up(3):
    print("x", x)

g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", repr(e), e.value)
print(next(g, "default"))


def with_return():
    yield 1
    return "done"


g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, e.args)


def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received


e = echo()
print(next(e))
print(e.send("a"))
print(e.send("b"))
try:
    e.send(None)
except StopIteration as s:
    print("returned", s.value)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(10)])


def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v


def evens(it):
    for v in it:
        if v % 2 == 0:
            yield v


print(list(take(5, evens(fib()))))

# Generator expressions are lazy: nothing runs until they are iterated.
log = []


def noisy(v):
    log.append(v)
    return v


lazy = (noisy(v) for v in range(5))
print(log)
print(next(lazy), log)
print(sum(x * x for x in range(10)))
print(any(noisy(x) > 1 for x in range(100)), log)
gen = (c.upper() for c in "abc")
print(type(gen).__name__, list(gen), list(gen))
print(sorted((x for x in [3, 1, 2]), reverse=True))
print(dict((k, v) for k, v in zip("ab", [1, 2])))
print(", ".join(str(i) for i in range(4)))
print(max(len(w) for w in "the quick brown fox".split()))


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1


print(list(Countdown(4)), 3 in Countdown(5))


def pairs(items):
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            yield a, b


for a, b in pairs(["x", "y", "z"]):
    print(a + b, end=" ")
print()
print(repr(count_up(1)).startswith("<generator object count_up at 0x"))
print(repr(x for x in []).startswith("<generator object <genexpr> at 0x"))
