def countdown(n):
    while n > 0:
        received = yield n
        if received:
            n = received
        n -= 1
    return "done"


def delegate(items):
    yield from countdown(2)
    yield from items


squares = (x * x for x in range(3))
print(list(countdown(3)), list(delegate("ab")), list(squares))
