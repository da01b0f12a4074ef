# Strings around every length boundary: building, appending, splitting, comparing.

s = ""
lengths = []
for i in range(40):
    s += "é" if i % 5 == 0 else "ab"[i % 2]
    lengths.append(len(s))
print(s)
print(lengths[::7])

words = ("x" * n for n in range(18, 27))
line = " ".join(words)
pieces = line.split()
print([len(p) for p in pieces])
print(pieces[4] == "x" * 22, pieces[5] == "x" * 23, pieces[4] < pieces[5])

counts = {}
for p in (line + " " + line).split(" "):
    counts[p] = counts.get(p, 0) + 1
print(sorted(counts.values()), len(counts))

t = "naïve café, déjà vu"
print(t.split(), t.upper().split(","), t[::-1])
u = t[:5]
u += "!" * 20
u += "?"
print(u, len(u))
print("".join(c for c in "short" if c != "o") + "-" * 30)
