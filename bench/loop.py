# Benchmark: a 10-million-iteration while loop doing integer arithmetic.

i = 0
acc = 0
n = 10000000
while i < n:
    acc += i - 3
    i += 1
print("iterations:", i, "checksum:", acc % 1000000007, "acc:", acc)
