# Joining a str to an object without __str__ conversion: CPython's sequence message.
class Item:
    def __init__(self, name):
        self.name = name


item = Item("lamp")
for attempt in [lambda: [1, 2] + item, lambda: "x" * item]:
    try:
        attempt()
    except TypeError as e:
        print("TypeError:", e)
print("Selected: " + item)
