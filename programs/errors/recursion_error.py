# Unbounded recursion: the base case is missing.

def countdown(n):
    return countdown(n - 1)


print("starting countdown")
countdown(10)
