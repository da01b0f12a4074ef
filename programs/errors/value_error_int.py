# Converting user-like text to an int fails.

entries = ["12", "7", "forty-two", "3"]
total = 0
for e in entries:
    total += int(e)
    print("running total:", total)
