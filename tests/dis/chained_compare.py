# Chained comparisons, membership and identity tests.
def classify(x, low=0, high=10):
    if x is None:
        return "nothing"
    if low <= x < high:
        return "in range"
    if x not in (low, high):
        return "other"
    return "edge"


print(classify(3), classify(10), classify(None), classify(-1), 1 < 2 < 3 > 2 != 1)
