# Closures capture variables from the enclosing function; nonlocal rebinds them.

def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment

c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5))
print(c2(), c2(-50))
print(c1())

def make_accumulator():
    history = []

    def add(x):
        history.append(x)   # mutating does not need nonlocal
        return sum(history)

    def get_history():
        return history[:]

    return add, get_history

add, get = make_accumulator()
for v in [3, 4, 10]:
    print("running total:", add(v))
print("history:", get())

def outer():
    x = "outer x"

    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
            return x
        print("inner returned:", inner())

    print("before:", x)
    middle()
    print("after:", x)

outer()

# Late binding: closures see the variable, not the value at creation time
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print("late binding:", [f() for f in funcs])
funcs = []
for i in range(3):
    funcs.append(lambda i=i: i)
print("default trick:", [f() for f in funcs])

def make_power(exp):
    def power(base):
        return base ** exp
    return power

square = make_power(2)
cube = make_power(3)
print(square(7), cube(3), make_power(10)(2))

def memoize_fib():
    cache = {}

    def fib(n):
        if n in cache:
            return cache[n]
        result = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = result
        return result

    return fib, cache

fib, cache = memoize_fib()
print("fib(80) =", fib(80), "cache size:", len(cache))
