# A function with a for loop, a while loop, break and continue.
def count_evens(limit):
    total = 0
    for n in range(limit):
        if n % 2:
            continue
        total += n
    while total > 100:
        total -= 100
        if total == 7:
            break
    return total


print(count_evens(30))
