# Set iteration order after copies, unions and removals matches CPython's table layout.
s = {52, 42, 31, 10, 26}
print(s, set(s), s.copy(), frozenset(s), set(list(s)))
t = {1, 2, 3, 4}; t.remove(1); print(t | {9}, t.union({9}), {9} | t)
u = set(range(0, 100, 7)); print(u.copy(), u - {0}, u & set(range(50)))
