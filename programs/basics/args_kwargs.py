# Function parameters: defaults, keywords, *args, **kwargs, keyword-only.

def greet(name, greeting="Hello", punctuation="!"):
    return greeting + ", " + name + punctuation

print(greet("Ann"))
print(greet("Ben", "Hi"))
print(greet("Cy", punctuation="?"))
print(greet(greeting="Yo", name="Di"))

def total(*numbers):
    print("  numbers is a", type(numbers).__name__, numbers)
    return sum(numbers)

print(total())
print(total(1, 2, 3))
print(total(*[10, 20], 5))

def describe(**info):
    return ", ".join([k + "=" + repr(v) for k, v in info.items()])

print(describe(color="red", size=3, tags=["a"]))
print(describe(**{"x": 1, "y": 2}))
print(repr(describe()))

def everything(a, b=2, *args, c, d=4, **kwargs):
    return "a=%r b=%r args=%r c=%r d=%r kwargs=%r" % (a, b, args, c, d, kwargs)

print(everything(1, c=3))
print(everything(1, 20, 30, 40, c=3, e=5, f=6))
print(everything(*range(5), **{"c": "see", "d": "dee", "z": 0}))

def keyword_only(*, verbose=False, level=1):
    return "verbose=%s level=%d" % (verbose, level)

print(keyword_only(), keyword_only(level=3, verbose=True))

# Mutable default argument gotcha
def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1), append_to(2), append_to(3, []))

def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target

print(append_safe(1), append_safe(2))

# Functions are objects
def apply(func, *args, **kwargs):
    return func(*args, **kwargs)

print(apply(greet, "Ed", greeting="Hey"), apply(max, 3, 9, 4), apply(total, 1, 1))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
print([ops[name](6, 7) for name in ["add", "mul"]])
print(greet.__name__, apply.__name__)

# Argument errors
def pair(x, y):
    return (x, y)

calls = [lambda: pair(1), lambda: pair(1, 2, 3), lambda: pair(1, 2, z=3),
         lambda: pair(1, x=1), lambda: keyword_only(1), lambda: everything(1),
         lambda: greet()]
for call in calls:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
