# An exception in a class body: the outer frame shows the class line without carets.
class C:
    x = 1
    y = 1 / 0
