# A failing assert without a message.

values = [3, 1, 2]
assert len(values) == 3
print("length ok")
assert values == sorted(values)
print("never printed")
