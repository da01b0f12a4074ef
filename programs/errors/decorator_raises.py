# An exception while a decorator is applied: the traceback points at the @ line.
def deco(f):
    raise ValueError("bad decorator")

def ok(f):
    return f

@ok
@deco
def g():
    pass
