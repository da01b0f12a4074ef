# Dict views are live: iterating them notices a dict that changes size.
d = {1: "a", 2: "b"}
for name, make in [("keys", d.keys), ("values", d.values), ("items", d.items)]:
    dd = dict(d)
    try:
        for k in getattr(dd, name)():
            dd[len(dd) + 10] = 0
    except RuntimeError as e:
        print(name, e)
d = {"a": 1, "b": 2, "c": 3}
for k, v in d.items():
    d[k] = v * 10
print(d, list(d.values()), list(d.items()), list(d.keys()))
for v in d.values():
    print(v, end=" ")
print()
ks = d.keys()
it = iter(ks)
print(next(it))
d["z"] = 0
try:
    next(it)
except RuntimeError as e:
    print(e)
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(e, d)
print(list(zip(d.keys(), d.values())), [k for k in d.keys() if k > "a"], max(d.values()), sum(d.values()))
it = iter(d.items())
print(next(it), list(it), list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
print(sorted(d.items()), dict(d.items()), sorted(set(d.keys()) - {"b"}), len(d.keys()), "z" in d.keys(), ("z", 0) in d.items())
