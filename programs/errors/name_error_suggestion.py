# A misspelt name: CPython 3.11 suggests the closest local, global or builtin.
def total_price(prices):
    subtotal = 0
    for price in prices:
        subtotal += price
    return subtotl * 1.2


print(total_price([1, 2, 3]))
