# A tiny state machine: a vending machine driven by a list of events.

TRANSITIONS = {
    ("idle", "coin"): "paid",
    ("idle", "refund"): "idle",
    ("paid", "coin"): "paid",
    ("paid", "select"): "vending",
    ("paid", "refund"): "idle",
    ("vending", "done"): "idle",
}

class VendingMachine:
    def __init__(self, price=3):
        self.state = "idle"
        self.credit = 0
        self.price = price
        self.sold = 0

    def handle(self, event):
        key = (self.state, event)
        if key not in TRANSITIONS:
            print("  ignored %-7s in state %s" % (event, self.state))
            return
        new_state = TRANSITIONS[key]
        if event == "coin":
            self.credit += 1
        elif event == "select":
            if self.credit < self.price:
                print("  need %d more coin(s)" % (self.price - self.credit))
                return
            self.credit -= self.price
            self.sold += 1
        elif event == "refund":
            print("  refunding", self.credit)
            self.credit = 0
        print("  %-8s --%s--> %-8s credit=%d" % (self.state, event, new_state, self.credit))
        self.state = new_state

events = ["select", "coin", "coin", "select", "coin", "select", "coin",
          "done", "coin", "refund", "done", "coin", "coin", "coin", "coin", "select", "done"]
vm = VendingMachine()
for step, event in enumerate(events, 1):
    print("step %2d: %s" % (step, event))
    vm.handle(event)
print("final state:", vm.state, "sold:", vm.sold, "credit:", vm.credit)

# A string tokenizer as a state machine
def tokenize(text):
    tokens = []
    state = "start"
    current = ""
    for ch in text + " ":
        if state == "start":
            if ch.isdigit():
                state, current = "number", ch
            elif ch in "+-*/()":
                tokens.append(("op", ch))
            elif ch != " ":
                state, current = "word", ch
        elif state == "number":
            if ch.isdigit():
                current += ch
            else:
                tokens.append(("num", int(current)))
                state = "start"
                if ch in "+-*/()":
                    tokens.append(("op", ch))
        elif state == "word":
            if ch == " " or ch in "+-*/()":
                tokens.append(("name", current))
                state = "start"
                if ch != " ":
                    tokens.append(("op", ch))
            else:
                current += ch
    return tokens

for line in ["12 + x*(340 - y)", "total/2", "a b 7"]:
    print(line, "=>", tokenize(line))
