# Single inheritance and super().

class Animal:
    kingdom = "animalia"

    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound

    def speak(self):
        return self.name + " says " + self.sound

    def describe(self):
        return "%s (%s)" % (self.name, type(self).__name__)

class Dog(Animal):
    def __init__(self, name, tricks=None):
        super().__init__(name, "woof")
        self.tricks = tricks if tricks is not None else []

    def add_trick(self, trick):
        self.tricks.append(trick)

    def describe(self):
        base = super().describe()
        return base + " knows " + str(len(self.tricks)) + " tricks"

class Puppy(Dog):
    def speak(self):
        return super().speak() + " (squeaky)"

class Cat(Animal):
    def __init__(self, name):
        Animal.__init__(self, name, "meow")

animals = [Animal("generic"), Dog("rex", ["sit"]), Puppy("bit"), Cat("tom")]
for a in animals:
    print(a.speak())
    print("  ", a.describe())

rex = animals[1]
rex.add_trick("roll over")
print(rex.tricks, rex.describe())
print(animals[2].tricks, animals[2].kingdom)

print(isinstance(rex, Dog), isinstance(rex, Animal), isinstance(rex, Cat))
print(isinstance(animals[2], Dog), isinstance(3, Animal))
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), issubclass(Dog, Dog))
print(issubclass(Dog, object), isinstance(rex, object))
print(type(rex).__name__, type(rex) is Dog, type(animals[2]) is Dog)
print(Puppy.__name__, Dog.kingdom, Puppy.kingdom)

class Shape:
    def area(self):
        raise NotImplementedError("subclasses must implement area")

    def __str__(self):
        return "%s with area %.2f" % (type(self).__name__, self.area())

class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)

class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2

for s in [Rect(2, 3), Square(4), Circle(1.5)]:
    print(s)
try:
    print(Shape())
except NotImplementedError as e:
    print("NotImplementedError:", e)
total = sum([s.area() for s in [Rect(1, 2), Square(3)]])
print("total area:", total)
