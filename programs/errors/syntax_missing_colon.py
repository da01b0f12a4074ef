def check(x):
    if x > 3
        print("big")

check(5)
