# A context manager that rolls back a "bank transfer" when an error happens,
# and how with-blocks interact with return, break and continue.

class Tracer:
    depth = 0

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("  " * Tracer.depth + "enter " + self.name)
        Tracer.depth += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        Tracer.depth -= 1
        status = "ok" if exc_type is None else "error " + exc_type.__name__
        print("  " * Tracer.depth + "exit " + self.name + " (" + status + ")")
        return False


class BankTransaction:
    def __init__(self, account):
        self.account = account

    def __enter__(self):
        self.snapshot = dict(self.account)
        return self.account

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.account.clear()
            self.account.update(self.snapshot)
            print("rolled back because:", exc)
            return True

acct = {"alice": 100, "bob": 50}
with BankTransaction(acct) as a:
    a["alice"] -= 30
    a["bob"] += 30
print("after good transfer:", acct)
with BankTransaction(acct) as a:
    a["alice"] -= 500
    if a["alice"] < 0:
        raise RuntimeError("insufficient funds")
print("after failed transfer:", acct)

def early_return():
    with Tracer("in function"):
        return "returned value"

print(early_return())
for i in range(3):
    with Tracer("loop %d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("    body", i)
