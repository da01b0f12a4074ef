# Regressions: modular inverse, NaN ordering, frozenset hashing, live set iteration,
# in-place set operators, range slices and sequence repetition.

# pow() with a negative exponent and a modulus computes a modular inverse.
print(pow(3, -1, 7), pow(3, -2, 7), pow(-3, -1, 7), pow(3, -1, -7), pow(2, 5, -7), pow(5, -1, 1))
for base, mod in [(2, 4), (0, 5), (6, 9)]:
    try:
        pow(base, -1, mod)
    except ValueError as e:
        print("ValueError:", e)

# NaN is unordered: every ordering comparison is False.
nan = float("nan")
print(nan < 1, nan > 1, nan <= nan, 1 >= nan, nan == nan, nan != nan)
print([nan] < [1], (nan,) > (0,), [1, nan] <= [1, 2])

# frozensets are hashable and compare by content; sets are looked up as frozensets.
fs = frozenset([1, 2, 3])
print(hash(fs) == hash(frozenset([3, 2, 1])), hash(frozenset()), hash(fs), hash(frozenset([(1, 2), 3.5])))
d = {fs: "abc", frozenset(): "empty"}
print(d[frozenset({1, 2, 3})], d[frozenset()], {1, 2, 3} in {fs}, len({frozenset([1]), frozenset([1])}))
nested = frozenset([frozenset([1, 2]), frozenset([3])])
print(frozenset([2, 1]) in nested, {3} in nested)
try:
    hash({1})
except TypeError as e:
    print("TypeError:", e)

# Changing a set's size while iterating over it raises.
s = {1}
try:
    for k in s:
        s.add(k + 1)
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2}
for k in s:
    s.add(1)
print(s)

# In-place operators update the same set, in CPython's item order.
s = set(range(20))
alias = s
s |= set(range(15, 40, 3))
print(s is alias, s)
s &= {1, 4, 9, 16, 18, 33, 100}
print(s is alias, s)
s -= {4}
s ^= {7, 8, 1}
print(s is alias, s)
fs = frozenset([1])
before = fs
fs |= {2}
print(fs, before, fs is before)

# Slicing a range gives a range.
print(range(10)[2:8:3], range(10)[::-1], range(0, 20, 3)[1:-1], range(5)[10:])
print(range(10)[2:8:3] == range(2, 8, 3), list(range(-5, 5)[::2][1:]), range(0, -10, -2)[1:3])


# Sequence repetition accepts __index__ and reports oversized counts.
class Three:
    def __index__(self):
        return 3


print("ab" * Three(), Three() * [0], (1,) * Three())
for make in (lambda: "a" * (10**30), lambda: [1] * -(10**30)):
    try:
        make()
    except OverflowError as e:
        print("OverflowError:", e)

# In-place operator messages name the in-place operator.
for src in ["a @= 2", "a *= [1]"]:
    a = {1} if "[" in src else 1
    try:
        if src == "a @= 2":
            a @= 2
        else:
            a *= [1]
    except TypeError as e:
        print("TypeError:", e)
