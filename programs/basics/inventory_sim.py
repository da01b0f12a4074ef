# A small inventory management simulation.

class Item:
    def __init__(self, sku, name, price, qty=0):
        self.sku = sku
        self.name = name
        self.price = price
        self.qty = qty

    def value(self):
        return self.price * self.qty

    def __repr__(self):
        return "Item(%r, %r, %.2f, %d)" % (self.sku, self.name, self.price, self.qty)

class Inventory:
    def __init__(self):
        self.items = {}
        self.log = []

    def add(self, item):
        if item.sku in self.items:
            raise KeyError("duplicate sku " + item.sku)
        self.items[item.sku] = item
        self.log.append("add " + item.sku)

    def restock(self, sku, amount):
        self.items[sku].qty += amount
        self.log.append("restock %s +%d" % (sku, amount))

    def sell(self, sku, amount):
        item = self.items[sku]
        if amount > item.qty:
            raise ValueError("only %d %s left" % (item.qty, item.name))
        item.qty -= amount
        self.log.append("sell %s -%d" % (sku, amount))
        return amount * item.price

    def low_stock(self, threshold=5):
        return sorted([i.sku for i in self.items.values() if i.qty < threshold])

    def total_value(self):
        return sum([i.value() for i in self.items.values()])

    def __len__(self):
        return len(self.items)

    def __contains__(self, sku):
        return sku in self.items

    def report(self):
        print("%-6s %-12s %8s %5s %9s" % ("sku", "name", "price", "qty", "value"))
        for sku in sorted(self.items):
            i = self.items[sku]
            print("%-6s %-12s %8.2f %5d %9.2f" % (i.sku, i.name, i.price, i.qty, i.value()))
        print("total value: %.2f across %d items" % (self.total_value(), len(self)))

inv = Inventory()
for args in [("A100", "widget", 2.50, 10), ("B200", "gizmo", 12.99, 3),
             ("C300", "doohickey", 0.75, 100), ("A100", "dup", 1.0)]:
    try:
        inv.add(Item(*args))
    except KeyError as e:
        print("add failed:", e)
inv.report()
revenue = 0.0
orders = [("A100", 4), ("B200", 5), ("C300", 60), ("Z999", 1), ("A100", 6), ("A100", 1)]
for sku, amount in orders:
    try:
        revenue += inv.sell(sku, amount)
        print("sold %d x %s" % (amount, sku))
    except ValueError as e:
        print("cannot sell:", e)
    except KeyError as e:
        print("unknown sku:", e)
inv.restock("B200", 7)
print("revenue: %.2f" % revenue)
print("low stock:", inv.low_stock(), "A100" in inv, "Z999" in inv)
inv.report()
print("log:", inv.log)
print(inv.items["C300"])
