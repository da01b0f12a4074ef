# return, break and continue inside finally: blocks, including a return that a finally overrides.
def h():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "end"
print(h())
def h2():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
    return "end"
print(h2())
def h3():
    while True:
        try:
            return "try"
        finally:
            break
    return "after"
print(h3())
def h4():
    try:
        return "outer"
    finally:
        try:
            return "inner"
        finally:
            print("cleanup")
print(h4())
def h5():
    for i in range(2):
        try:
            try:
                return i
            finally:
                print("f1", i)
        finally:
            if i == 0:
                continue
    return "done"
print(h5())
def h6():
    for x in [1, 2]:
        with open(__file__) as f:
            try:
                return x
            finally:
                if x == 1:
                    continue
    return "no"
print(h6())
class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        print("exit")
        return False
def f():
    with CM():
        try:
            return 1
        finally:
            return 2
print(f())
def g():
    for i in range(2):
        with CM():
            try:
                return 1
            finally:
                break
    return "after"
print(g())
def h():
    n = 0
    while n < 2:
        n += 1
        for i in range(1):
            try:
                return 1
            finally:
                break
    return n
print(h())
