def numbers():
    yield 1
    yield 1 / 0


def consume():
    for v in numbers():
        print(v)


consume()
