# Sorting algorithms written by hand, checked against sorted().


def insertion_sort(xs):
    xs = xs[:]
    for i in range(1, len(xs)):
        key = xs[i]
        j = i - 1
        while j >= 0 and xs[j] > key:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = key
    return xs


def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left, right = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    merged = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged


def quick_sort(xs):
    if len(xs) <= 1:
        return xs
    pivot = xs[len(xs) // 2]
    return (quick_sort([x for x in xs if x < pivot]) + [x for x in xs if x == pivot]
            + quick_sort([x for x in xs if x > pivot]))


def selection_sort(xs):
    xs = list(xs)
    for i in range(len(xs)):
        smallest = min(range(i, len(xs)), key=lambda k: xs[k])
        xs[i], xs[smallest] = xs[smallest], xs[i]
    return xs


data = [38, 27, 43, 3, 9, 82, 10, 3, -5, 0, 27]
words = ["pear", "Apple", "fig", "banana", "cherry", "apple"]
floats = [2.5, -1.0, 3.25, 0.0, -0.5, 1e-3]
expected = sorted(data)
print("input:   ", data)
print("expected:", expected)
for name, fn in [("insertion", insertion_sort), ("merge", merge_sort),
                 ("quick", quick_sort), ("selection", selection_sort)]:
    result = fn(data)
    print("%-9s %s %s" % (name, result, "ok" if result == expected else "WRONG"))
    print("%-9s %s" % ("", fn(words)))
    print("%-9s %s" % ("", fn(floats)))
print("input unchanged:", data)

# sort() vs sorted(), reverse, and keys
copy = data[:]
print(copy.sort(), copy)
print(sorted(data, reverse=True))
print(sorted(words, key=lambda w: w.lower()), sorted(words, key=len, reverse=True))
people = [{"name": "zoe", "age": 30}, {"name": "al", "age": 25}, {"name": "bo", "age": 30}]
for p in sorted(people, key=lambda p: (p["age"], p["name"])):
    print(p["name"], p["age"])
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
print(sorted([3, 1.5, 2, True, 0]))
print(list(reversed(sorted("hello"))))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
