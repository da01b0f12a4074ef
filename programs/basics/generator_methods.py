# throw(), close(), try/finally inside generators, and the errors generators raise.


def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


for v in guarded():
    print("got", v)

g = guarded()
print(next(g))
g.close()
print("closed")
g.close()
print(list(g))


def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)


c = catcher()
next(c)
c.throw(ValueError("boom"))
c.throw(ValueError, "bam")
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
print(list(c))


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring exit")
    yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def bad():
    yield 1
    raise StopIteration


try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


fresh = count_up(3)
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)


def selfref():
    yield next(me)


me = selfref()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


def in_except():
    try:
        raise KeyError("x")
    except KeyError:
        yield "handling"
        raise


g = in_except()
print(next(g))
try:
    next(g)
except KeyError as e:
    print("re-raised", e)


def resource(name):
    print("open", name)
    try:
        yield name.upper()
    finally:
        print("close", name)


r = resource("db")
print(next(r))
try:
    r.throw(RuntimeError("failed"))
except RuntimeError as e:
    print("caller saw", e)
print(next(r, "finished"))
