# A misspelt attribute or method: the hint comes from dir() of the object.
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    def deposit(self, amount):
        self.balance += amount


try:
    Account("ann").ballance
except AttributeError as e:
    # The hint is only part of the printed traceback, not of str(e).
    print("caught:", e, "| name:", e.name)
print(hasattr([], "apend"), getattr([], "apend", "no such method"))
acct = Account("bob")
acct.deposit(10)
acct.depositt(5)
