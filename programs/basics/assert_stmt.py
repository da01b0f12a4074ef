# assert checks an invariant and raises AssertionError when it is false.


def average(values):
    assert len(values) > 0, "average of empty list"
    return sum(values) / len(values)


print(average([1, 2, 3, 4]))
try:
    average([])
except AssertionError as e:
    print("AssertionError:", e, "| args:", e.args)

try:
    assert 1 + 1 == 3
except AssertionError as e:
    print("no message:", repr(str(e)), repr(e), e.args)

try:
    value = 42
    assert isinstance(value, str), "expected str, got %s" % type(value).__name__
except AssertionError as e:
    print("AssertionError:", e)

try:
    assert [], ["a", "list", "message"]
except AssertionError as e:
    print("non-string message:", e.args[0], str(e))

assert True
assert 1 < 2 < 3, "never raised"
assert "non-empty"
print("passing asserts print nothing")


class Stack:
    def __init__(self):
        self.items = []

    def push(self, item):
        self.items.append(item)
        assert len(self.items) <= 3, "stack overflow at %r" % (item,)

    def pop(self):
        assert self.items, "pop from empty stack"
        return self.items.pop()


s = Stack()
for item in ["a", "b", "c", "d"]:
    try:
        s.push(item)
        print("pushed", item, s.items)
    except AssertionError as e:
        print("AssertionError:", e)
while True:
    try:
        print("popped", s.pop())
    except AssertionError as e:
        print("AssertionError:", e)
        break


def check_sorted(xs):
    for i in range(len(xs) - 1):
        assert xs[i] <= xs[i + 1], "out of order at %d: %r > %r" % (i, xs[i], xs[i + 1])
    return True


for data in [[1, 2, 3], [1, 3, 2], [], ["a", "b"]]:
    try:
        print(data, check_sorted(data))
    except AssertionError as e:
        print(data, "failed:", e)
print(issubclass(AssertionError, Exception), type(AssertionError()).__name__)
