# Benchmark: recursive function calls (naive Fibonacci).


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


total = 0
for repeat in range(10):
    result = fib(27)
    total += result
print("fib(27) =", result, "sum of 10 runs:", total)
