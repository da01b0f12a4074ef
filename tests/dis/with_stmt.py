# with: one context manager with an `as` target, then two at once.
class Tag:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("<" + self.name + ">")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("</" + self.name + ">")
        return False


with Tag("a") as t:
    print(t.name)
with Tag("b"), Tag("c") as inner:
    print(inner.name)
