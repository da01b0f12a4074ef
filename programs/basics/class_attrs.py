# Class attributes are shared; instance attributes belong to one object.


class Counter:
    instances = 0
    step = 1
    registry = []

    def __init__(self, name):
        Counter.instances += 1
        self.name = name
        self.value = 0
        Counter.registry.append(name)

    def tick(self):
        self.value += self.step
        return self.value


a = Counter("a")
b = Counter("b")
print("instances:", Counter.instances, a.instances, b.instances)
print(a.tick(), a.tick(), b.tick())
b.step = 10            # creates an instance attribute that shadows the class one
print(b.tick(), b.tick(), "a still uses", a.step, "b uses", b.step)
Counter.step = 5       # changes the class attribute for everyone without their own
print(a.tick(), b.tick(), Counter("c").step)
print("registry:", Counter.registry, a.registry is Counter.registry)
del b.step
print("after del b.step:", b.step)


class Config:
    defaults = {"color": "blue", "size": "M"}

    def __init__(self, **overrides):
        self.options = dict(Config.defaults)
        self.options.update(overrides)

    def describe(self):
        return ", ".join(["%s=%s" % (k, v) for k, v in sorted(self.options.items())])


print(Config().describe())
print(Config(size="XL", sleeves="long").describe())
print(Config.defaults)


class Temperature:
    unit = "C"
    absolute_zero = -273.15

    def __init__(self, degrees):
        if degrees < self.absolute_zero:
            raise ValueError("below absolute zero: %s" % degrees)
        self.degrees = degrees

    def __str__(self):
        return "%.1f%s" % (self.degrees, self.unit)


class Fahrenheit(Temperature):
    unit = "F"
    absolute_zero = -459.67


print(Temperature(21.5), Fahrenheit(70), Fahrenheit(-400))
for cls, value in [(Temperature, -300), (Fahrenheit, -300)]:
    try:
        print(cls.__name__, cls(value))
    except ValueError as e:
        print(cls.__name__, "ValueError:", e)

# Attributes can be added to instances at any time
t = Temperature(0)
t.note = "freezing"
print(t.note, hasattr(Temperature(1), "note"))
print(getattr(Fahrenheit, "unit"), getattr(t, "unit"), Fahrenheit.absolute_zero)
Temperature.unit = "K?"
print(t, Fahrenheit(1))
