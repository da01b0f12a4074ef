# The del statement removes names, list items, slices, dict keys and attributes.

x = 10
print("x =", x)
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)

numbers = list(range(10))
del numbers[0]
print(numbers)
del numbers[-1]
print(numbers)
del numbers[2:4]
print(numbers)
del numbers[::2]
print(numbers)

stock = {"apples": 5, "pears": 0, "plums": 2}
del stock["pears"]
print(stock)
try:
    del stock["kiwis"]
except KeyError as e:
    print("KeyError:", e)

# Removing items while iterating: iterate over a copy
inventory = {"bolts": 0, "nuts": 14, "screws": 0, "washers": 3}
for name in list(inventory):
    if inventory[name] == 0:
        del inventory[name]
print("in stock:", inventory)

class Config:
    def __init__(self):
        self.debug = True
        self.name = "app"

cfg = Config()
print(hasattr(cfg, "debug"), cfg.debug)
del cfg.debug
print(hasattr(cfg, "debug"))
try:
    print(cfg.debug)
except AttributeError as e:
    print("AttributeError:", e)

a, b, c = 1, 2, 3
del a, b
print("c survives:", c)
try:
    print(a)
except NameError as e:
    print("NameError:", e)

def local_del():
    value = "temporary"
    del value
    try:
        return value
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)

print(local_del())

matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
del matrix[1][0]
del matrix[0]
print(matrix)
try:
    del matrix[5]
except IndexError as e:
    print("IndexError:", e)
# del of a name only removes the name, the object lives on through other names
original = [1, 2]
alias = original
del original
print("alias still works:", alias)
