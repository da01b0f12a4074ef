# The built-in exception hierarchy and which handlers catch what.

checks = [
    (ZeroDivisionError, Exception), (OverflowError, Exception), (KeyError, Exception),
    (IndexError, Exception), (KeyError, IndexError), (FileNotFoundError, OSError),
    (OSError, Exception), (ModuleNotFoundError, Exception), (TypeError, Exception),
    (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
    (UnboundLocalError, NameError), (StopIteration, Exception),
    (KeyboardInterrupt, Exception), (SystemExit, Exception),
    (KeyboardInterrupt, BaseException), (SystemExit, BaseException),
    (Exception, BaseException), (ValueError, TypeError), (AssertionError, Exception),
]
for sub, base in checks:
    print("%-20s subclass of %-15s %s" % (sub.__name__, base.__name__, issubclass(sub, base)))


def raiser(exc):
    raise exc


def classify(exc):
    try:
        try:
            raiser(exc)
        except Exception as e:
            return "Exception handler got " + type(e).__name__
    except BaseException as e:
        return "only BaseException handler got " + type(e).__name__ + " " + repr(e.args)


for exc in [ValueError("v"), KeyboardInterrupt(), SystemExit(2), StopIteration(),
            RecursionError("deep"), NotImplementedError, OverflowError("big"),
            FileNotFoundError("nope"), ModuleNotFoundError("mod")]:
    print(classify(exc))

# Order of except clauses matters: the first match wins
def which(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup clause: " + type(e).__name__
    except RuntimeError as e:
        return "RuntimeError clause: " + type(e).__name__
    except NameError as e:
        return "NameError clause: " + type(e).__name__
    except Exception:
        return "Exception clause"
    except KeyboardInterrupt:
        return "KeyboardInterrupt clause"


for exc in [KeyError("k"), IndexError("i"), RecursionError(), NotImplementedError(),
            UnboundLocalError(), ValueError(), KeyboardInterrupt()]:
    print(type(exc).__name__, "->", which(exc))

# Simulating Ctrl-C in a worker loop
processed = []
try:
    for job in range(10):
        if job == 4:
            raise KeyboardInterrupt
        processed.append(job)
except KeyboardInterrupt:
    print("interrupted after", processed)
finally:
    print("cleanup done")

print(repr(BaseException("x")), str(Exception(1, 2)), repr(Exception()), str(Exception("one")))
print(repr(StopIteration(5)), SystemExit(4).code, repr(KeyError("a b")), str(KeyError("a b")))
