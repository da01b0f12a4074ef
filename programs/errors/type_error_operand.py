# Unsupported operand types deep inside a helper.

def add_all(values):
    total = 0
    for v in values:
        total = total + v
    return total


print(add_all([1, 2, 3]))
print(add_all([1, "2", 3]))
