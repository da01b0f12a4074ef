# Requests for more memory than any machine has are a MemoryError, not a crash.
for attempt in [
    lambda: list(range(10**15)),
    lambda: [0] * 10**15,
    lambda: "ab" * 10**15,
    lambda: "{:100000000000}".format(1),
    lambda: f"{'x':>{10**12}}",
]:
    try:
        attempt()
    except MemoryError as e:
        print("MemoryError", repr(e))
print(list(range(0, 20, 3)))
x = tuple(range(10**15))
