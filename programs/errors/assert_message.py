# A failing assert with a message.

def withdraw(balance, amount):
    assert amount <= balance, "cannot withdraw %d from %d" % (amount, balance)
    return balance - amount


balance = 50
balance = withdraw(balance, 20)
print("balance:", balance)
balance = withdraw(balance, 40)
print("balance:", balance)
