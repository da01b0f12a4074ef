# yield from: delegating to another generator or iterable, and its return value.


def inner():
    a = yield 1
    b = yield 2
    return (a, b)


def outer():
    r = yield from inner()
    print("inner returned", r)
    yield from [10, 20]
    yield from range(3)
    yield from "ab"


o = outer()
print(next(o), o.send("A"), o.send("B"), next(o), next(o), list(o))


class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = children

    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child


tree = Tree(1, [Tree(2, [Tree(3), Tree(4)]), Tree(5, [Tree(6)])])
print(list(tree))


def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], (3,), {4: "x"}, range(5, 7))))


def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        term = yield average
        if term is None:
            return (count, average)
        total += term
        count += 1
        average = total / count


def grouper(results, key):
    results[key] = yield from averager()


results = {}
for key, values in [("a", [10, 20, 30]), ("b", [1.5, 2.5])]:
    group = grouper(results, key)
    next(group)
    for v in values:
        group.send(v)
    try:
        group.send(None)
    except StopIteration:
        pass
print(results)


def countdown(n):
    if n:
        yield n
        yield from countdown(n - 1)


print(list(countdown(5)), sum(countdown(100)))
