# List, dict and nested comprehensions with conditions.
words = ["apple", "kiwi", "banana", "fig"]
lengths = [len(w) for w in words if len(w) > 3]
index = {w: i for i, w in enumerate(words)}
pairs = [(x, y) for x in range(3) for y in range(x)]
print(lengths, index, pairs)
