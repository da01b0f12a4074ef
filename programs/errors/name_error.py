# Using a variable that was never defined.

def compute_total(prices):
    total = 0
    for p in prices:
        total += p
    return totl_with_typo_xyz


print("computing...")
print(compute_total([1, 2, 3]))
