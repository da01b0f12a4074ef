# How Python finds names: Local, Enclosing, Global, Built-in (LEGB).

x = "global x"

def show_local():
    x = "local x"
    print("inside:", x)

show_local()
print("outside:", x)

def enclosing():
    x = "enclosing x"

    def inner():
        print("inner sees:", x)

    inner()
    return inner

f = enclosing()
f()

def uses_builtin():
    return len("four")

def shadows_builtin():
    len = lambda s: "shadowed!"
    return len("four")

print(uses_builtin(), shadows_builtin(), len("still fine"))

# Parameters are local variables
def modify(number, items):
    number += 1
    items.append("added")
    items = ["rebound"]
    return number, items

num = 1
lst = ["orig"]
print(modify(num, lst), num, lst)

# Loop variables stay bound after the loop
for i in range(3):
    pass
print("i after loop:", i)

# if blocks do not create scopes
if True:
    inside_if = "visible"
print(inside_if)

def counter_factory():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count

    def peek():
        return count

    return inc, peek

inc, peek = counter_factory()
inc()
inc()
print("peek:", peek())

def needs_global():
    try:
        return undefined_thing
    except NameError as e:
        return "NameError: " + str(e)

print(needs_global())
undefined_thing = "now defined"
print(needs_global())
