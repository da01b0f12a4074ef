# An iterator class whose __next__ is called after it is exhausted.

class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


c = Countdown(2)
for value in c:
    print("got", value)
print("calling __next__ on an exhausted iterator")
c.__next__()
