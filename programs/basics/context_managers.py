# Context managers: classes with __enter__ and __exit__.

class Tracer:
    depth = 0

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("  " * Tracer.depth + "enter " + self.name)
        Tracer.depth += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        Tracer.depth -= 1
        status = "ok" if exc_type is None else "error " + exc_type.__name__
        print("  " * Tracer.depth + "exit " + self.name + " (" + status + ")")
        return False

with Tracer("outer") as t:
    print("  inside", t.name)
    with Tracer("inner"):
        print("    deepest")

with Tracer("a") as a, Tracer("b") as b:
    print("  two managers:", a.name, b.name)

try:
    with Tracer("failing"):
        print("  about to fail")
        raise ValueError("boom")
    print("not reached")
except ValueError as e:
    print("caught after exit:", e)

class Suppress:
    """Swallows the given exception types, like contextlib.suppress."""

    def __init__(self, *types):
        self.types = types
        self.caught = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            self.caught = exc
            return True
        return False

with Suppress(KeyError, IndexError) as s:
    {}["missing"]
print("suppressed:", repr(s.caught))
with Suppress(ZeroDivisionError) as s:
    print("no error here")
print("caught is None:", s.caught is None)
try:
    with Suppress(KeyError):
        int("x")
except ValueError as e:
    print("not suppressed:", e)

