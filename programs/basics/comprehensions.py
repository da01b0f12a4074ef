# List, dict and set comprehensions.

squares = [n * n for n in range(10)]
print("squares:", squares)
evens = [n for n in range(20) if n % 2 == 0]
print("evens:", evens)
print("big even squares:", [n * n for n in range(20) if n % 2 == 0 if n > 10])
labels = ["even" if n % 2 == 0 else "odd" for n in range(5)]
print("labels:", labels)

# Nested loops in one comprehension
pairs = [(x, y) for x in range(3) for y in range(3) if x != y]
print("pairs:", pairs)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print("matrix:", matrix)
transposed = [[row[i] for row in matrix] for i in range(3)]
print("transposed:", transposed)
flat = [v for row in matrix for v in row]
print("flat:", flat)

# Dict comprehensions
word_lengths = {w: len(w) for w in ["apple", "kiwi", "banana"]}
print("lengths:", word_lengths)
inverted = {v: k for k, v in {"a": 1, "b": 2, "c": 3}.items()}
print("inverted:", inverted)
cubes = {n: n ** 3 for n in range(1, 6) if n != 3}
print("cubes:", cubes)

# Set comprehension
first_letters = {w[0] for w in ["apple", "avocado", "banana", "cherry", "cranberry"]}
print("first letters:", sorted(first_letters))

# Using comprehensions with strings
sentence = "The Quick Brown Fox"
print([w.lower() for w in sentence.split()])
print("".join([c for c in sentence if c.isupper()]))
print([ord(c) - ord("a") for c in "hello"])

# Comprehension variables do not leak
x = "outer"
result = [x for x in range(3)]
print(result, x)

# Comprehensions can call functions and use closures
def make_multiplier(k):
    return lambda n: n * k

triple = make_multiplier(3)
print([triple(n) for n in range(5)])
adders = [lambda n, i=i: n + i for i in range(3)]
print([f(10) for f in adders])

# Primes with a comprehension
def is_prime(n):
    if n < 2:
        return False
    return all([n % d != 0 for d in range(2, int(n ** 0.5) + 1)])

print("primes:", [n for n in range(50) if is_prime(n)])

# Pythagorean triples
triples = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b)
           if a * a + b * b == c * c]
print("triples:", triples)
print("count by parity:", {p: len([n for n in range(10) if n % 2 == p]) for p in (0, 1)})
