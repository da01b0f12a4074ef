# Recursive functions.
import sys

def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)

def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    return rest + [[items[0]] + subset for subset in rest]

def permutations(s):
    if len(s) <= 1:
        return [s]
    result = []
    for i, ch in enumerate(s):
        for perm in permutations(s[:i] + s[i + 1:]):
            result.append(ch + perm)
    return result

def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)

def flatten(nested):
    out = []
    for item in nested:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out

def binary_search(xs, target, lo, hi):
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if xs[mid] == target:
        return mid
    if xs[mid] < target:
        return binary_search(xs, target, mid + 1, hi)
    return binary_search(xs, target, lo, mid - 1)

print([factorial(n) for n in range(10)], factorial(25))
print([fib(n) for n in range(15)])
print(gcd(1071, 462), gcd(17, 5), gcd(2 ** 40, 6 ** 20))
print(power_set([1, 2, 3]))
print(permutations("abc"))
moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5])
print(flatten([1, [2, [3, [4, [5]]]], 6, [[7]]]))
data = list(range(0, 100, 3))
print(binary_search(data, 27, 0, len(data) - 1), binary_search(data, 28, 0, len(data) - 1))

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print("recursion limit:", sys.getrecursionlimit())
print("depth 500:", depth(500))
try:
    depth(100000)
except RecursionError as e:
    print("RecursionError:", e)
print("still works afterwards:", depth(10))
