# Defining your own exception hierarchy: a bank account simulation.

class BankError(Exception):
    """Base class for all bank errors."""

class InsufficientFunds(BankError):
    def __init__(self, needed, available):
        super().__init__("need %d, have %d" % (needed, available))
        self.needed = needed
        self.available = available

class AccountLocked(BankError):
    pass

class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.locked = False
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._check_lock()
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        self._check_lock()
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def _check_lock(self):
        if self.locked:
            raise AccountLocked(self.owner + "'s account is locked")

acct = Account("dana", 100)
operations = [("deposit", 50), ("withdraw", 30), ("withdraw", 500),
              ("deposit", -5), ("lock", 0), ("deposit", 10), ("withdraw", 1)]
for op, amount in operations:
    try:
        if op == "lock":
            acct.locked = True
            print("account locked")
            continue
        if op == "deposit":
            acct.deposit(amount)
        else:
            acct.withdraw(amount)
        print(op, amount, "-> balance", acct.balance)
    except InsufficientFunds as e:
        print("InsufficientFunds:", e, "| short by", e.needed - e.available)
    except BankError as e:
        print(type(e).__name__ + ":", e, "| is BankError:", isinstance(e, BankError))
    except ValueError as e:
        print("ValueError:", e)

print("history:", acct.history)
print("final balance:", acct.balance)

e = InsufficientFunds(10, 3)
print(repr(e), e.args, str(e))
print(issubclass(InsufficientFunds, BankError), issubclass(BankError, Exception))
print(issubclass(AccountLocked, InsufficientFunds), issubclass(BankError, BaseException))
print(BankError.__doc__)
print(repr(AccountLocked()), repr(AccountLocked("x", 2)), str(AccountLocked("x", 2)))

class ValidationError(ValueError):
    def __init__(self, field, problem):
        self.field = field
        self.problem = problem
        super().__init__(field + ": " + problem)

    def __str__(self):
        return "invalid " + self.field + " (" + self.problem + ")"

try:
    raise ValidationError("email", "missing @")
except ValueError as e:
    print("caught as ValueError:", e, "| args:", e.args, "| field:", e.field)
