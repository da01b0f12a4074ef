# The math module's inverse and hyperbolic functions, fsum, prod, comb, perm, lcm, and float splitting, with their errors.
import math
vals = [-2.5, -1.0, -0.5, 0.0, 0.3, 0.5, 1.0, 2.0, 10.0, 1e300, float("inf"), float("nan")]
for name in ["asin", "acos", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "expm1", "log1p", "exp2", "cbrt", "modf", "frexp"]:
    out = []
    for v in vals:
        try:
            out.append(repr(getattr(math, name)(v)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(name, out)
for a, b in [(5.5, 2), (-5.5, 2), (7, 0.0), (float("inf"), 2), (3, float("inf")), (5, -3), (4.5, 1.0), (5.5, 1.0), (-4.5, 1.0), (1e308, 1e-308)]:
    for name in ["copysign", "fmod", "remainder"]:
        try:
            print(name, a, b, repr(getattr(math, name)(a, b)))
        except (ValueError, OverflowError) as e:
            print(name, a, b, type(e).__name__, e)
print(math.ldexp(0.75, 4), math.ldexp(1.0, -1074), math.ldexp(1.0, -1080), math.frexp(5e-324))
try:
    math.ldexp(1.0, 2000)
except OverflowError as e:
    print("OverflowError", e)
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum([1, 2, 3]), math.fsum([float("inf"), 1]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod([1, 2], start=10), math.prod(["a"], start=3) if False else "")
print(math.comb(10, 3), math.comb(5, 7), math.comb(100, 50), math.perm(5, 2), math.perm(5), math.perm(3, 5))
print(math.lcm(4, 6), math.lcm(), math.lcm(0, 5), math.lcm(-4, 6), math.lcm(3, 5, 7))
for bad in [lambda: math.comb(-1, 2), lambda: math.comb(3, -1), lambda: math.perm(2.0), lambda: math.comb(1), lambda: math.fsum([float("inf"), float("-inf")])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
