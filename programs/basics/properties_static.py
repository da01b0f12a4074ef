# @property, @staticmethod and @classmethod.

class Temperature:
    scale_name = "Celsius"
    created = 0

    def __init__(self, celsius=0.0):
        self._celsius = celsius
        Temperature.created += 1

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("temperature below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @classmethod
    def count(cls):
        return "%d %s objects" % (cls.created, cls.__name__)

    def __repr__(self):
        return "%s(%.2f)" % (type(self).__name__, self._celsius)

t = Temperature(25)
print(t, t.celsius, t.fahrenheit)
t.celsius = 100
print("after setter:", t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 10
except AttributeError as e:
    print("AttributeError:", type(e).__name__)
print("static:", Temperature.c_to_f(0), t.c_to_f(37))
body = Temperature.from_fahrenheit(98.6)
print("classmethod:", body, round(body.celsius, 2))
print(Temperature.count())

class Kelvin(Temperature):
    @property
    def kelvin(self):
        return self.celsius + 273.15

k = Kelvin.from_fahrenheit(212)
print(type(k).__name__, k, k.kelvin)
print(Kelvin.count(), Temperature.count())

class Circle:
    def __init__(self, radius):
        self.radius = radius

    @property
    def area(self):
        return round(3.14159 * self.radius ** 2, 3)

    @property
    def diameter(self):
        return self.radius * 2

c = Circle(2)
print(c.area, c.diameter)
c.radius = 3
print(c.area, c.diameter)
