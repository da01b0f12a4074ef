# The global statement lets a function rebind a module-level name.

counter = 0
log = []
settings = {"verbose": False}

def bump():
    global counter
    counter += 1
    return counter

def record(message):
    log.append(message)        # mutating a global list needs no `global`

def enable_verbose():
    settings["verbose"] = True

def shadow():
    counter = "local value"    # a new local, the global is untouched
    return counter

def reset():
    global counter, log
    counter = 0
    log = []

print("start:", counter)
for _ in range(5):
    bump()
print("after 5 bumps:", counter)
record("first")
record("second")
print("log:", log)
print("shadow returns:", shadow(), "global still:", counter)
enable_verbose()
print("settings:", settings)
reset()
print("after reset:", counter, log)

def create_global():
    global created_later
    created_later = "I was made inside a function"

create_global()
print(created_later)

# Reading a global without assigning is fine
LIMIT = 3

def under_limit(n):
    return n < LIMIT

print([n for n in range(6) if under_limit(n)])

# Assigning to a name makes it local for the whole function
total = 10

def broken():
    try:
        print(total)
        total = 5
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)

broken()

def next_id():
    global counter
    counter += 1
    return "id-%03d" % counter

print([next_id() for _ in range(4)])
print("final counter:", counter)
