# Raising exceptions, re-raising, and chaining with `raise ... from ...`.

class ConfigError(Exception):
    pass

def parse_port(text):
    try:
        port = int(text)
    except ValueError as e:
        raise ConfigError("bad port: " + repr(text)) from e
    if not 0 < port < 65536:
        raise ConfigError("port out of range: %d" % port)
    return port

for value in ["8080", "http", "70000"]:
    try:
        print("port:", parse_port(value))
    except ConfigError as e:
        print("ConfigError:", e)
        cause = e.__cause__
        if cause is not None:
            print("  caused by:", type(cause).__name__, "-", cause)
        else:
            print("  no cause")

def reraise():
    try:
        [][0]
    except IndexError:
        print("logging the error, then re-raising")
        raise

try:
    reraise()
except IndexError as e:
    print("outer caught:", type(e).__name__, e)

def implicit_context():
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("while handling a KeyError")

try:
    implicit_context()
except RuntimeError as e:
    print("RuntimeError:", e)
    print("  __context__:", repr(e.__context__))
    print("  __cause__:", e.__cause__)

def suppressed_context():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean error") from None

try:
    suppressed_context()
except ValueError as e:
    print("ValueError:", e, "| cause:", e.__cause__)

# raise a class (instantiated automatically) vs an instance
try:
    raise KeyError
except KeyError as e:
    print("bare class:", repr(e), e.args)
try:
    raise ValueError("with", "two args")
except ValueError as e:
    print("two args:", e, e.args)
try:
    raise TypeError()
except TypeError as e:
    print("empty message:", repr(str(e)), repr(e))

# Exceptions are objects: store them and raise later
errors = [ValueError("first"), KeyError("second"), RuntimeError("third")]
for err in errors:
    try:
        raise err
    except (ValueError, KeyError) as e:
        print("handled", type(e).__name__, e)
    except Exception as e:
        print("generic handler", type(e).__name__, e)
