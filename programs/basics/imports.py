# The different forms of the import statement.
import math
import random as rnd
import sys, time
from math import floor, ceil
from math import sqrt as square_root
import math as maths

print("math.pi:", math.pi)
print("alias is the same module:", maths is math, maths.pi == math.pi)
print("floor/ceil:", floor(2.5), ceil(2.5))
print("renamed sqrt:", square_root(81))
rnd.seed(5)
print("random via alias:", rnd.randint(1, 1000), rnd.choice("abcdef"))
print("sys via comma import:", sys.getrecursionlimit() > 0)
start = time.perf_counter()
time.sleep(0.001)
print("time moved forward:", time.perf_counter() - start > 0)

# Module attributes can be looked up dynamically
for name in ["sqrt", "floor", "pi", "tau_not_here"]:
    print(name, hasattr(math, name))
print(getattr(math, "ceil")(1.2))

# Importing inside a function is local to that function
def local_import():
    import math as m2
    return m2.floor(9.99)

print("local import:", local_import())

# Imports can fail
try:
    import does_not_exist_anywhere
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    import also_missing as am
except ImportError as e:
    print("ImportError subclass:", type(e).__name__, isinstance(e, ImportError))
try:
    from math import no_such_function
except ImportError as e:
    print("ImportError:", type(e).__name__)

# Re-importing gives back the same module object
import math as again
print("same module again:", again is math)

# A module's names can be shadowed locally (don't do this!)
def shadowing():
    floor = "not a function"
    return floor

print(shadowing(), floor(7.9))
print(math.__name__, rnd.__name__)
