# try / except / else / finally, and the messages of built-in exceptions.

def attempt(label, func):
    try:
        result = func()
    except (ZeroDivisionError, OverflowError) as e:
        print(label, "-> arithmetic problem:", type(e).__name__, "|", e)
    except (KeyError, IndexError) as e:
        print(label, "-> lookup problem:", type(e).__name__, "|", e, "|", repr(e))
    except TypeError as e:
        print(label, "-> type problem:", e)
    except Exception as e:
        print(label, "-> other:", type(e).__name__, "|", e, "|", e.args)
    else:
        print(label, "-> ok:", result)
    finally:
        print("   (finally for", label + ")")

def two_args(a, b):
    return a + b

class Box:
    pass

attempt("divide", lambda: 10 / 0)
attempt("floordiv", lambda: 10 // 0)
attempt("modulo", lambda: 10 % 0)
attempt("float div", lambda: 1.5 / 0)
attempt("good divide", lambda: 10 / 4)
attempt("list index", lambda: [1, 2, 3][3])
attempt("tuple index", lambda: (1, 2)[-5])
attempt("str index", lambda: "abc"[10])
attempt("dict key", lambda: {"a": 1}["b"])
attempt("int dict key", lambda: {1: 2}[7])
attempt("add int str", lambda: 1 + "a")
attempt("concat str int", lambda: "a" + 1)
attempt("too many args", lambda: two_args(1, 2, 3))
attempt("missing arg", lambda: two_args(1))
attempt("unhashable", lambda: {[1]: 2})
attempt("not callable", lambda: (lambda n: n())(5))
attempt("bad int", lambda: int("abc"))
attempt("bad float", lambda: float("x1"))
attempt("attribute", lambda: Box().missing)
attempt("none attribute", lambda: None.upper())
attempt("name", lambda: undefined_name)
attempt("int to float overflow", lambda: float(10 ** 400))
attempt("unpack", lambda: [a for a, b in [(1, 2, 3)]])
attempt("str times str", lambda: "a" * "b")
attempt("compare", lambda: 1 < "x")
attempt("len of int", lambda: len(5))
attempt("neg index ok", lambda: [1, 2, 3][-1])

def order_of_events(fail):
    events = []
    try:
        events.append("try")
        if fail:
            raise ValueError("fail")
        events.append("try-end")
    except ValueError:
        events.append("except")
    else:
        events.append("else")
    finally:
        events.append("finally")
    return events

print(order_of_events(False))
print(order_of_events(True))

def finally_overrides():
    try:
        return "from try"
    finally:
        print("finally runs before the return completes")

print(finally_overrides())
