# Looking up a missing dictionary key.

inventory = {"apples": 3, "pears": 5}


def take(fruit, n):
    inventory[fruit] -= n
    print("took", n, fruit, "->", inventory[fruit], "left")


take("apples", 2)
take("pears", 1)
take("bananas", 1)
