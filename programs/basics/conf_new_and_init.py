# __new__ (singletons, factories) and object.__init__'s checks on surplus arguments.
class Singleton:
    _instance = None
    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            print("creating instance")
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, value):
        print("init with", value)
        self.value = value
a = Singleton(1)
b = Singleton(2)
print(a is b, a.value, b.value, type(a).__name__)
class Point:
    def __new__(cls, x, y):
        obj = object.__new__(cls)
        obj.x, obj.y = x, y
        return obj
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
print(Point(1, 2), isinstance(Point(0, 0), Point))
class Weird:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Weird())
class Base:
    def __new__(cls, *a):
        print("Base.__new__", cls.__name__, a)
        return super().__new__(cls)
    def __init__(self, *a):
        print("init", a)
class Child(Base):
    pass
c = Child(1, 2)
print(type(c).__name__)
class Bad:
    def __new__(cls, x):
        return super().__new__(cls, x)
try:
    Bad(1)
except TypeError as e:
    print("TypeError:", e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__(5)
except TypeError as e:
    print("TypeError:", e)
class OnlyNew:
    def __new__(cls, a, b):
        o = super().__new__(cls)
        o.sum = a + b
        return o
print(OnlyNew(3, 4).sum)
class Counted:
    count = 0
    def __new__(cls, *args, **kwargs):
        cls.count += 1
        return super().__new__(cls)
    def __init__(self, name):
        self.name = name
xs = [Counted(n) for n in "abc"]
print(Counted.count, [x.name for x in xs])
class MyErr(Exception):
    def __new__(cls, *args):
        print("MyErr.__new__", args)
        return super().__new__(cls, *args)
try:
    raise MyErr("boom", 1)
except MyErr as e:
    print(e, e.args)
class Other: pass
class Factory:
    def __new__(cls, kind):
        if kind == "other":
            return Other()
        return super().__new__(cls)
    def __init__(self, kind):
        self.kind = kind
print(type(Factory("other")).__name__, Factory("self").kind)
print(hasattr(object, "__new__"), Point.__new__ is not object.__new__)
class WithInit:
    def __init__(self, x):
        super().__init__(x)
try:
    WithInit(1)
except TypeError as e:
    print("TypeError:", e)
class Plain: pass
try:
    Plain(a=1)
except TypeError as e:
    print("TypeError:", e)
p = Plain()
object.__init__(p)
try:
    object.__init__(p, 1)
except TypeError as e:
    print("TypeError:", e)
class Kw:
    def __init__(self, **kw):
        super().__init__()
        self.kw = kw
print(Kw(a=1).kw)
class E(Exception): pass
print(E(1, 2).args, repr(E()))
class Mixin:
    def __init__(self, *args, **kwargs):
        print("mixin init", args, kwargs)
class Sub(Mixin):
    def __init__(self, a):
        super().__init__(a, k=2)
Sub(5)
