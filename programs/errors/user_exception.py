# An uncaught user-defined exception with a custom message.

class InsufficientFunds(Exception):
    pass


class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds("balance is %d, tried to withdraw %d" % (self.balance, amount))
        self.balance -= amount
        print("withdrew", amount, "balance now", self.balance)


acct = Account(100)
acct.withdraw(30)
acct.withdraw(50)
acct.withdraw(40)
