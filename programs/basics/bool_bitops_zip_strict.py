# bool's own & | ^ keep the bool type; zip(strict=True) checks lengths.
x = True
x ^= True
print(True & False, True | False, True ^ True, x, True & 1, 3 | False)
for args in [([1, 2], [3]), ([1], [2, 3]), ([1, 2], [1, 2], [1]), ([1], [1], [1, 2]), ([1, 2], [3, 4])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
print(list(zip([1, 2], [3], strict=False)))
