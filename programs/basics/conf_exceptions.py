# Custom exception hierarchies, chaining, finally, retries, and exit()/quit().
class AppError(Exception):
    pass
class ValidationError(AppError):
    def __init__(self, field, msg):
        self.field = field
        super().__init__(f"{field}: {msg}")
class NotFound(AppError):
    pass

def validate(user):
    if "name" not in user:
        raise ValidationError("name", "required")
    if not isinstance(user.get("age"), int):
        raise ValidationError("age", "must be an int")
    if user["age"] < 0:
        raise ValidationError("age", "must be non-negative")
    return True

users = [{"name": "a", "age": 3}, {"age": 3}, {"name": "b", "age": "x"}, {"name": "c", "age": -1}]
for u in users:
    try:
        validate(u)
    except ValidationError as e:
        print("invalid:", e, "| field =", e.field)
    else:
        print("valid:", u)
    finally:
        print("checked", u.get("name", "?"))

def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise NotFound(f"no key {k!r}") from None

def process(d, k):
    try:
        return lookup(d, k)
    except NotFound as e:
        print("caught", e, e.__cause__, e.__suppress_context__)
        raise

try:
    process({"a": 1}, "b")
except AppError as e:
    print("outer:", type(e).__name__, e)

def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise AppError("bad number") from e
try:
    convert("abc")
except AppError as e:
    print(e, "caused by", repr(e.__cause__))

def f(n):
    try:
        if n == 0:
            return "zero"
        return 10 / n
    except ZeroDivisionError:
        return "never"
    finally:
        print("finally for", n)
print(f(0), f(4))

def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("cleanup", i)
g()
errors = [ZeroDivisionError, KeyError, IndexError, TypeError, ValueError]
def trigger(kind):
    if kind is ZeroDivisionError: 1 / 0
    if kind is KeyError: {}["missing"]
    if kind is IndexError: [][3]
    if kind is TypeError: "a" + 1
    if kind is ValueError: int("x")
for k in errors:
    try:
        trigger(k)
    except (ZeroDivisionError, KeyError) as e:
        print("group1", type(e).__name__, e)
    except LookupError as e:
        print("lookup", type(e).__name__, e)
    except Exception as e:
        print("other", type(e).__name__, e)
try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("outer")
except TypeError as e:
    print(repr(e), repr(e.__context__))
e = Exception("a", 1)
print(e.args, str(e), repr(e), str(Exception()), repr(KeyError("k")), str(KeyError("k")))
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
class Retry(Exception): pass
attempts = 0
while True:
    try:
        attempts += 1
        if attempts < 3:
            raise Retry(attempts)
        print("succeeded after", attempts)
        break
    except Retry as r:
        print("retry", r)
try:
    raise ValidationError("email", "bad format")
except AppError as e:
    print(type(e).__name__, e, e.field)
try:
    exit(3)
except SystemExit as e:
    print("SystemExit", e.code)
print("quitting")
quit()
print("never printed")
