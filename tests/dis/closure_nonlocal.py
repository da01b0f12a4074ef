# A closure that rebinds an enclosing variable with nonlocal.
def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


counter = make_counter(10)
counter()
print(counter(5))
