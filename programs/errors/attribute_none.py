# A function that forgets to return a value gives None; using it fails.

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def find_point(points, x):
    for p in points:
        if p.x == x:
            return p


points = [Point(1, 2), Point(3, 4)]
print("found y =", find_point(points, 3).y)
print("found y =", find_point(points, 5).x)
