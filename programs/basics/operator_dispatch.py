# Operator dispatch: reflected methods of subclasses first, none between two operands of one class, and != from __eq__.
class V:
    def __mul__(self, o): return NotImplemented
    def __rmul__(self, o): return "rmul"
try:
    print(V() * V())
except TypeError as e:
    print("TypeError:", e)
print(3 * V())
class Base:
    def __add__(self, o): return "Base.__add__"
    def __radd__(self, o): return "Base.__radd__"
    def __eq__(self, o): return "Base.__eq__"
    def __le__(self, o): return "Base.__le__"
    def __ge__(self, o): return "Base.__ge__"
class Derived(Base):
    def __radd__(self, o): return "Derived.__radd__"
    def __eq__(self, o): return "Derived.__eq__"
    def __ge__(self, o): return "Derived.__ge__"
print(Base() + Derived(), Derived() + Base(), Base() + Base())
print(Base() == Derived(), Derived() == Base(), Base() <= Derived(), Derived() <= Base())
class Plain(Base): pass
print(Base() + Plain(), Base() == Plain())
class N:
    def __eq__(self, o): return True
class M:
    def __ne__(self, o): return "M.__ne__"
print(N() != M(), M() != N(), N() != N(), M() != M())
class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, P) and self.x == o.x
print(P(1) != P(1), P(1) != P(2), P(1) != 1, 1 != P(1))
class Vec:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __repr__(self): return f"Vec({self.x}, {self.y})"
print(Vec(1, 2) + Vec(3, 4), Vec(1, 2) * 3, 3 * Vec(1, 2))
try:
    Vec(1, 2) * Vec(1, 2)
except TypeError as e:
    print("TypeError:", e)
