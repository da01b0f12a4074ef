# reversed() over a list is live, and over a range is lazy.
lst = [1, 2, 3, 4]
it = reversed(lst)
print(next(it))
lst.pop(); lst.pop()
print(list(it))
print(list(reversed(range(10))), list(reversed(range(1, 20, 4))), list(reversed(range(10, 0, -3))), list(reversed(range(0))), list(reversed(range(5, 5))))
print(next(reversed(range(10**15))), list(reversed([])), "".join(reversed("abc")), list(reversed((1, 2))))
r = reversed([1, 2, 3])
print(list(r), list(r))
