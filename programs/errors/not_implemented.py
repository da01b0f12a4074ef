# Calling a method that a subclass forgot to override.

class Shape:
    def area(self):
        raise NotImplementedError("subclasses must implement area()")


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


class Circle(Shape):
    def __init__(self, r):
        self.r = r


for shape in [Square(2), Square(3), Circle(1)]:
    print(type(shape).__name__, "area:", shape.area())
