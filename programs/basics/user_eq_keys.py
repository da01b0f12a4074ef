# Keys equal by a user __eq__/__hash__ in every dict and set operation, not just d[k].
class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, P) and self.x == o.x
    def __hash__(self): return hash(self.x)
    def __repr__(self): return f"P({self.x})"
d = {P(1): "a"}
print(d.get(P(1)), P(1) in d, P(1) in d.keys(), (P(1), "a") in d.items())
print(d.setdefault(P(1), "z"), d.setdefault(P(2), "b"), d)
print(d.pop(P(2)), d)
s = {P(1)}
s.add(P(1)); print(len(s))
s.update([P(1), P(2)]); print(sorted(s, key=lambda p: p.x))
print(len(dict.fromkeys([P(1), P(1)])), {P(1): 1} == {P(1): 1}, {P(1)} == {P(1)})
counts = {}
for p in [P(1), P(1), P(2)]:
    counts[p] = counts.get(p, 0) + 1
print(list(counts.values()))
a = {P(1), P(2)}
b = {P(2), P(3)}
print(sorted((a | b), key=lambda p: p.x), a & b, sorted(a - b, key=lambda p: p.x), sorted(a ^ b, key=lambda p: p.x))
print(a.isdisjoint(b), {P(2)} <= a, a.issuperset([P(1)]), a.union([P(1)]) == a)
d2 = dict([(P(1), 1), (P(1), 2)]); print(d2)
d3 = {P(1): 1}; d3.update({P(1): 5}); print(d3)
print({P(1): 1} | {P(1): 9})
