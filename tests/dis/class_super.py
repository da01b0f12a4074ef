# A class with a class attribute, a method, and a subclass calling super().
class Animal:
    legs = 4

    def __init__(self, name):
        self.name = name

    def describe(self):
        return self.name + " has " + str(self.legs) + " legs"


class Bird(Animal):
    legs = 2

    def __init__(self, name, can_fly=True):
        super().__init__(name)
        self.can_fly = can_fly


print(Bird("robin").describe())
