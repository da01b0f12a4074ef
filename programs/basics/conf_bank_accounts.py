# A bank account hierarchy with private balances, properties and custom exceptions.
class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(f"cannot withdraw {amount:.2f}; balance is {balance:.2f}")
        self.balance = balance
        self.amount = amount

class Account:
    interest_rate = 0.02
    _next_id = 1000
    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.__balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []
    @property
    def balance(self):
        return self.__balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.__balance += amount
        self.history.append(("deposit", amount))
        return self
    def withdraw(self, amount):
        if amount > self.__balance:
            raise InsufficientFunds(self.__balance, amount)
        self.__balance -= amount
        self.history.append(("withdraw", amount))
        return self
    def add_interest(self):
        self.deposit(self.__balance * self.interest_rate)
    def __str__(self):
        return f"{type(self).__name__}#{self.id}[{self.owner}: ${self.__balance:,.2f}]"
    def __repr__(self):
        return f"{self.__class__.__name__}({self.owner!r}, {self.__balance!r})"

class Savings(Account):
    interest_rate = 0.05
    def __init__(self, owner, balance=0.0, limit=3):
        super().__init__(owner, balance)
        self.__withdrawals = 0
        self.limit = limit
    def withdraw(self, amount):
        if self.__withdrawals >= self.limit:
            raise RuntimeError("withdrawal limit reached")
        self.__withdrawals += 1
        return super().withdraw(amount)

class Checking(Account):
    def __init__(self, owner, balance=0.0, overdraft=100):
        Account.__init__(self, owner, balance)
        self.overdraft = overdraft

a = Account("Ann", 100)
s = Savings("Sam", 1000)
c = Checking("Cat")
a.deposit(50).withdraw(30)
print(a, repr(a), a.balance)
print(sorted(a.__dict__), sorted(s.__dict__))
print(a._Account__balance, s._Savings__withdrawals)
try:
    print(a.__balance)
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(a, "__balance"), hasattr(a, "_Account__balance"), getattr(a, "_Account__balance"))
for amt in [100, 200, 300, 50]:
    try:
        s.withdraw(amt)
        print("withdrew", amt, "->", s.balance)
    except (InsufficientFunds, RuntimeError) as e:
        print(type(e).__name__, e)
try:
    c.withdraw(10)
except InsufficientFunds as e:
    print(e, e.balance, e.amount, e.args)
for acct in (a, s, c):
    acct.add_interest() if acct.balance else None
    print(acct)
print(isinstance(s, Account), issubclass(Checking, Savings), Savings.__mro__ if False else Savings.__bases__)
try:
    a.deposit(-5)
except ValueError as e:
    print(repr(e))
print(a.history)
try:
    a.balance = 5
except AttributeError as e:
    print("AttributeError:", e)
