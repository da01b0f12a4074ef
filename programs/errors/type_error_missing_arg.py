# Calling a method without one of its required arguments.

class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting

    def greet(self, name, punctuation):
        return self.greeting + ", " + name + punctuation


g = Greeter("Hello")
print(g.greet("Ann", "!"))
print(g.greet("Bob"))
