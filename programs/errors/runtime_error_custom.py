# RuntimeError raised from a method of a state machine; stdout lines come first.

class Door:
    def __init__(self):
        self.state = "closed"

    def open(self):
        if self.state == "locked":
            raise RuntimeError("cannot open a locked door")
        self.state = "open"
        print("door is open")

    def close(self):
        self.state = "closed"
        print("door is closed")

    def lock(self):
        self.state = "locked"
        print("door is locked")


d = Door()
for step in range(3):
    print("step", step)
d.open()
d.close()
d.lock()
d.open()
