# Benchmark: list and dict churn (append, index, insert/lookup, sort).

checksum = 0
for round_no in range(30):
    items = []
    for i in range(20000):
        items.append((i * 7919 + round_no) % 10007)
    index = {}
    for pos, value in enumerate(items):
        index[value] = pos
    hits = 0
    for k in range(0, 20000, 3):
        if k in index:
            hits += index[k] % 13
        hits += items[k % len(items)]
    items.sort()
    middle = items[len(items) // 2]
    keys = sorted(index, reverse=True)
    counts = {}
    for v in items[:5000]:
        counts[v % 100] = counts.get(v % 100, 0) + 1
    while len(items) > 15000:
        items.pop()
    pairs = [(v, k) for k, v in counts.items()]
    pairs.sort()
    checksum = (checksum * 131 + hits + middle + keys[0] + len(index) + pairs[-1][0] + len(items)) % 1000000007
print("checksum:", checksum)
