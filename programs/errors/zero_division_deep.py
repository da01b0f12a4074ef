# A ZeroDivisionError raised three calls deep: the traceback lists every frame.

def average(values):
    return sum(values) / len(values)


def report(name, values):
    avg = average(values)
    print(name, "average:", avg)


def main():
    report("first", [1, 2, 3])
    report("second", [10, 20])
    report("empty", [])
    print("never printed")


main()
