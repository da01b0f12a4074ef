# Dicts and sets keyed by many ints: lookups, equal keys of other types, deletions.

squares = {}
for i in range(-500, 2000):
    squares[i] = i * i
print(len(squares), squares[0], squares[-500], squares[1999])

# 1 == 1.0 == True: one key, whichever was stored first keeps its type.
mixed = {1: "int"}
mixed[1.0] = "float"
mixed[True] = "bool"
print(mixed)
print(squares[3.0], 2.5 in squares, -1 in squares, -2 in squares)

# -1 and -2 have the same hash in CPython; both must stay distinct keys.
print(hash(-1) == hash(-2), {-1: "a", -2: "b"})

# Big ints and their equal floats.
big = {2 ** 70: "big", 10 ** 20: "also big"}
print(big[2 ** 70], big.get(float(10 ** 20)), big.get(2 ** 70 + 1))

# Deleting most keys and reinserting keeps order and lookups right.
for i in range(-500, 1900):
    del squares[i]
print(len(squares), list(squares)[:3])
for i in range(5):
    squares[i] = -i
print(list(squares.items())[-6:])
print(sum(1 for k in range(1900, 2000) if k in squares))

seen = set()
for i in range(0, 30000, 7):
    seen.add(i % 1009)
print(len(seen), 1008 in seen, 1009 in seen)


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return self.n % 3

    def __eq__(self, other):
        return isinstance(other, Key) and self.n == other.n


table = {Key(n): n for n in range(12)}
print(len(table), table[Key(7)], Key(12) in table)
