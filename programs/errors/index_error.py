# Reading past the end of a list in a loop.

scores = [90, 85, 77]
i = 0
while i <= len(scores):
    print("score", i, "=", scores[i])
    i += 1
