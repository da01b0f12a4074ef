# Private name mangling: __names inside a class body become _Class__name.
class A:
    __cls = 1
    import math as __m
    from math import pi as __pi, e
    def __init__(self, __p, *, __k=3):
        self.__x = __p
        self.k = __k
    def f(self, **kw):
        return kw
    def g(self):
        return self.f(__z=1)
    def __priv(self):
        global __gg
        __gg = 5
        return [__q for __q in range(2)]
    class __Inner:
        __y = 2
        def h(self):
            return self.__y
    __all_underscore__ = 1
    def lam(self):
        return (lambda __a: __a + self.__x)(1)
    def dl(self):
        del self.__x
    def walrus(self):
        if (__w := 4):
            return __w
    def exc(self):
        try:
            1/0
        except ZeroDivisionError as __e:
            return type(__e).__name__
print(sorted(k for k in dir(A) if not k.startswith('__')))
a = A(7)
print(a.__dict__, a.g(), a._A__priv(), a.lam(), a.walrus(), a.exc())
print(A._A__priv.__name__, A._A__priv.__qualname__, A._A__Inner.__name__, A._A__Inner.__qualname__, A._A__Inner().h())
print(A(1).k)
print(hasattr(a, '__x'), hasattr(a, '_A__x'), _A__gg)
try:
    a.__x
except AttributeError as e:
    print(e)
a.dl()
print(a.__dict__)
class _:
    def f(self): self.__v = 1
class __:
    def f(self): self.__v = 1
x = _(); x.f(); print(x.__dict__)
y = __(); y.f(); print(y.__dict__)
class _B__:
    def f(self): self.__v = 1; self.__w__ = 2; self.__ = 3; self.___ = 4; self._x=5
z = _B__(); z.f(); print(z.__dict__)
class Base:
    def __init__(self): self.__v = 'base'
    def getb(self): return self.__v
class Sub(Base):
    def __init__(self):
        super().__init__()
        self.__v = 'sub'
    def gets(self): return self.__v
s = Sub(); print(s.__dict__, s.getb(), s.gets())
class N:
    def m(self):
        def inner():
            return __undefined_thing
        return inner()
try:
    N().m()
except NameError as e:
    print(e)
def outer():
    class C:
        def m(self):
            return __secret
    __secret = 1
    return C
try:
    print(outer()().m())
except NameError as e:
    print(e)
__g = "module-level"
class A:
    __v = 1
    def m(self):
        __c = 10
        def inner():
            nonlocal __c
            __c += 1
            return __c
        inner()
        return __c, (lambda: __c)()
    def glob(self):
        try:
            return __g
        except NameError as e:
            return str(e)
    def comp(self):
        __n = 3
        return [__n * i for i in range(__n)]
    del __v
    __w = 5
    __w2 = [__w * 2]
    def kw(self, *, __key=1):
        return __key
    @staticmethod
    def st(__a):
        return __a
    @classmethod
    def cm(cls):
        return cls.__w
    @property
    def __p(self):
        return "prop"
    def usep(self):
        return self.__p
print(A().m(), A().glob(), A().comp(), A._A__w2, A().kw(), A.st(5), A.cm(), A().usep())
print(hasattr(A, "_A__v"), hasattr(A, "__v"), A().kw(_A__key=9))
try:
    A().kw(__key=2)
except TypeError as e:
    print(e)
class B(A):
    def cm2(self):
        try:
            return self.__w
        except AttributeError as e:
            return str(e)
print(B().cm2(), B._A__w, B.cm())
_A__g = "mangled global"
print(A().glob())
class __Hidden:
    def f(self):
        self.__z = 1
        return self.__dict__
print(__Hidden().f())
class C:
    class D:
        def f(self):
            self.__q = 1
            return self.__dict__
    def g(self):
        return self.D().f()
print(C().g())
def func():
    class Local:
        def __init__(self):
            self.__secret = 42
        def reveal(self):
            return self.__secret
    return Local()
o = func()
print(o.reveal(), o._Local__secret, vars(o))
class Meta:
    __slots_like = ("a", "b")
    def names(self):
        return [n for n in self.__slots_like]
print(Meta().names())
class E(Exception):
    def __init__(self, msg):
        super().__init__(msg)
        self.__msg = msg
    def __str__(self):
        return f"E: {self.__msg}"
try:
    raise E("boom")
except E as __err:
    print(__err, __err._E__msg)
