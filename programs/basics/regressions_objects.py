# Regressions: object.__setattr__ and friends, __getattribute__, __class__ in methods,
# dict views, iter(callable, sentinel), files opened for reading and writing, and
# module-level annotations.


class Recorder:
    def __init__(self):
        object.__setattr__(self, "log", [])
        super().__setattr__("x", 1)

    def __setattr__(self, name, value):
        self.log.append(name)
        super().__setattr__(name, value * 10)

    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)


r = Recorder()
r.y = 2
print(r.x, r.y, r.log, object.__getattribute__(r, "y"))
del r.y
print(hasattr(r, "y"), r.log)


class Lookup:
    def __getattribute__(self, name):
        if name == "magic":
            return 42
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return "fallback " + name


g = Lookup()
g.q = 5
print(g.magic, g.q, g.nothing)


class Failure(Exception):
    def __str__(self):
        return "Failure: " + super().__str__()

    def __repr__(self):
        return "<" + super().__repr__() + ">"


print(str(Failure("boom")), repr(Failure("x", 2)))


class OnlyEq:
    def __eq__(self, other):
        return True


print(OnlyEq.__hash__)


class Named:
    def who(self):
        return __class__.__name__

    def lazily(self):
        return (lambda: __class__.__name__)()


class Child(Named):
    pass


print(Child().who(), Child().lazily())

d = {"a": 1, "b": 2}
print(d.keys(), d.values(), d.items())
print(d.keys() == d.keys(), d.keys() == {"a", "b"}, {"b", "a"} == d.keys(), d.values() == d.values())
print(d.keys() <= {"a", "b", "c"}, d.keys() < {"a", "b"}, d.items() == {("a", 1), ("b", 2)})
print(sorted(d.keys() & {"a", "z"}), sorted(d.keys() | {"c"}), sorted(d.keys() - {"a"}), sorted(d.keys() ^ {"a", "z"}))
print(d.items() & {("a", 1)}, sorted(["a", "y"] & d.keys()))

data = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(data), 0)))
calls = [0]


def tick():
    calls[0] += 1
    return calls[0]


print([n for n in iter(tick, 4)])
try:
    iter(5, 1)
except TypeError as e:
    print("TypeError:", e)

import time

PATH = "/tmp/gilvm_regressions_%d.txt" % time.perf_counter_ns()
with open(PATH, "w+") as f:
    print(f.name == PATH, f.mode, f.closed, f.tell())
    f.write("hello\nworld\n")
    print(f.tell(), f.seek(0), repr(f.read()), f.tell())
    f.seek(6)
    print(repr(f.readline()))
print(f.closed)
with open(PATH, "r+") as f:
    print(repr(f.read(3)))
    f.write("XY")
    f.seek(0)
    print(repr(f.read()))
with open(PATH, "a+") as f:
    print(f.tell())
    f.write("tail\n")
    f.seek(0)
    print(f.readlines(), f.readable(), f.writable())
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
for mode in ["rw", "q"]:
    try:
        open(PATH, mode)
    except ValueError as e:
        print("ValueError:", e)

count: int = 3
try:
    total: undefined_annotation = 1
except NameError as e:
    print("NameError:", e, total)


def annotated():
    local: also_undefined = 5
    return local


print(count, annotated())
