# A grab-bag of built-in functions.

print(abs(-5), abs(3.5), abs(-0.0), abs(-10 ** 20))
print(len("hello"), len([1, 2]), len((1,)), len({"a": 1}), len(set()), len(range(10)))
print(min(3, 1, 2), max([4, 9, 2]), sum([1, 2, 3]), sum([0.5, 0.25]), sum([[1], [2]], []))
print(sum(range(101)), sum([1, 2, 3], 10))
print(round(3.7), round(-3.7), round(3.14159, 2), round(5), round(2.5), round(0.125, 2))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(pow(2, 8), pow(2, -1), pow(7, 2, 5), pow(2.0, 3))
print(chr(65), chr(97), ord("A"), ord("z"), chr(0x263A) == "\u263a")
print(hex(255), hex(-1), hex(0), hex(2 ** 40))
print(int("42"), int("-17"), int("  7 "), int("ff", 16), int("101", 2), int("z", 36), int(3.99), int(True))
print(float("1.5"), float(3), str(42), str(4.0), str(None), str([1, "a"]))
print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0), bool({}))
print(list("abc"), list(range(3)), list((1, 2)), list({"k": 1}), tuple([1, 2]), tuple("ab"))
print(dict([(1, 2)]), sorted(set([3, 3, 1])), list(reversed([1, 2, 3])), "".join(reversed("abc")))
print(repr("x"), repr(1), repr([1, "a", None]), repr((1,)), repr(()), repr({}), repr(1.0))
print(type(1).__name__, type(1.0).__name__, type("").__name__, type([]).__name__,
      type(()).__name__, type({}).__name__, type(None).__name__, type(True).__name__,
      type(range(1)).__name__)
print(type(3) is int, type(True) is int, isinstance(True, int), isinstance(3, (str, float)))
print(isinstance("s", str), isinstance([], list), isinstance({}, dict), isinstance(2.0, float))
print(any([0, "", None]), any([0, 1]), all([]), all([1, "x"]), all([1, 0]), any([]))
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)), range(3)[1])
print(list(enumerate("ab")), list(enumerate("ab", start=1)), list(zip([1, 2, 3], "xy")))
print(list(map(str, [1, 2])), list(filter(None, [0, 1, "", "a"])))


class Thing:
    color = "blue"

    def __init__(self):
        self.size = 3


t = Thing()
print(hasattr(t, "size"), hasattr(t, "color"), hasattr(t, "weight"))
print(getattr(t, "size"), getattr(t, "weight", "default"))
setattr(t, "weight", 12)
print(t.weight, getattr(t, "weight"))
setattr(Thing, "color", "red")
print(t.color, Thing().color)
other = t
print(id(t) == id(other), id(t) == id(Thing()), t is other)
print(hash(42) == hash(42), hash(7), hash(True), hash(0))
print(3 == 3.0, hash(3) == hash(3.0), 1 == True, "1" == 1)
try:
    getattr(t, "missing")
except AttributeError as e:
    print("AttributeError:", e)
print(1e3, 2.5e-3, 10 ** -2)
