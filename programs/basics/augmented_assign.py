# Augmented assignment on names, list items, dict items and attributes.

n = 10
n += 5
print("+=", n)
n -= 3
print("-=", n)
n *= 4
print("*=", n)
n //= 5
print("//=", n)
n %= 4
print("%=", n)
n **= 3
print("**=", n)
n /= 2
print("/=", n, type(n).__name__)

s = "ab"
s += "cd"
s *= 2
print("strings:", s)
items = [1]
alias = items
items += [2, 3]          # extends the same list in place
items *= 2
print("lists:", items, "alias sees it:", alias, items is alias)
t = (1,)
t_alias = t
t += (2,)                # tuples are immutable: a new tuple
print("tuples:", t, t_alias)

scores = [10, 20, 30]
scores[0] += 5
scores[-1] *= 2
scores[1] //= 3
print("list items:", scores)

tally = {"a": 1}
tally["a"] += 1
tally["b"] = tally.get("b", 0) + 10
tally["b"] -= 1
print("dict items:", tally)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] += 7
grid[0][0] -= 1
print("nested:", grid)


class Account:
    def __init__(self):
        self.balance = 100
        self.history = []


acct = Account()
acct.balance -= 30
acct.balance *= 2
acct.balance %= 97
acct.history += ["withdraw", "double"]
print("attributes:", acct.balance, acct.history)
counts = {"x": [0, 0]}
counts["x"][1] += 3
print("chained subscripts:", counts)
f = 1.5
f **= 2
f -= 0.25
print("floats:", f)
big = 1
for _ in range(5):
    big *= 2 ** 20
print("big:", big)
try:
    undefined_counter += 1
except NameError as e:
    print("NameError:", e)
try:
    tally["missing"] += 1
except KeyError as e:
    print("KeyError:", e)
