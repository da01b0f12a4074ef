# Iterating over dictionaries: a word counter.

text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness"""

counts = {}
for raw in text.split():
    word = raw.strip(",.").lower()
    if word in counts:
        counts[word] += 1
    else:
        counts[word] = 1

print("distinct words:", len(counts))
for word in counts:                      # iterates keys in insertion order
    print(word, end=" ")
print()
for word, n in counts.items():
    if n > 1:
        print("%-8s %d" % (word, n))
print("total:", sum(counts.values()))
print("keys:", list(counts.keys())[:5])

by_count = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print("top 3:", by_count[:3])

# Inverting: count -> words
by_freq = {}
for word, n in counts.items():
    by_freq.setdefault(n, []).append(word)
for n in sorted(by_freq, reverse=True):
    print(n, sorted(by_freq[n]))

# Nested dictionaries
grades = {
    "ann": {"math": 90, "art": 75},
    "ben": {"math": 60, "art": 95, "music": 80},
}
for student, subjects in grades.items():
    avg = sum(subjects.values()) / len(subjects)
    best = max(subjects, key=subjects.get)
    print("%s: avg %.1f, best %s" % (student, avg, best))
all_subjects = sorted({s for subjects in grades.values() for s in subjects})
print("subjects:", all_subjects)
for s in all_subjects:
    print(s, [grades[name].get(s, "-") for name in grades])

# Modifying during iteration is an error
d = {"a": 1, "b": 2}
try:
    for k in d:
        d[k + k] = 0
except RuntimeError as e:
    print("RuntimeError:", e)

# Views are live
prices = {"tea": 3}
keys = prices.keys()
prices["cake"] = 5
print(list(keys), len(keys), "cake" in keys)
print(list(zip(prices.keys(), prices.values())) == list(prices.items()))
print(dict(sorted(counts.items())[:3]))
print({k: v for k, v in counts.items() if len(k) > 5})
