# Comparison operators and chained comparisons.

x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5, 5 == x == 5.0, 1 < 2 < 3 < 4 < 3)
print(x < 10 > 2 != 3, 3 > 2 == 2, (3 > 2) == 2)


def loud(value, label):
    print("  evaluating", label)
    return value


print("chain stops early:")
result = loud(1, "a") < loud(0, "b") < loud(5, "c")
print("result:", result)
print("middle evaluated once:")
result = loud(1, "a") < loud(2, "b") < loud(3, "c")
print("result:", result)

# Comparing different types
print(1 == 1.0, 0.1 + 0.2 == 0.3, True == 1, False == 0, None == 0, "a" == "a")
print(1 != "1", [1, 2] == [1, 2], (1, 2) == [1, 2], {1: 2} == {1: 2})
print(2 ** 100 > 1e30, 2 ** 53 + 1 == float(2 ** 53 + 1), -2 ** 100 < -1e30)
print("abc" < "abd", "Z" < "a", "" < "a", "apple" < "apples")
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 0), (2,) > (1, 99), [3] > [2, 9])
print(float("inf") > 10 ** 300, float("-inf") < -10 ** 300)

# Identity vs equality
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b, None is None, x is not None)


def grade(score):
    if score < 0 or score > 100:
        return "invalid"
    elif 90 <= score <= 100:
        return "A"
    elif 80 <= score < 90:
        return "B"
    elif 70 <= score < 80:
        return "C"
    else:
        return "F"


for s in [95, 90, 89.5, 80, 75, 12, -3, 101]:
    print(s, grade(s))

# in / not in
print(3 in [1, 2, 3], "ell" in "hello", "k" in {"k": 1}, 1 in {"k": 1}, 2 in (1, 2))
print(5 not in range(5), 4 in range(5), "" in "abc", [1] in [[1], [2]])
print(min(3, 1) < max(2, 0) <= 2)
