# A singly linked list class with the container protocols.

class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

class LinkedList:
    def __init__(self, values=()):
        self.head = None
        self.size = 0
        for v in values:
            self.append(v)

    def append(self, value):
        node = Node(value)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next is not None:
                cur = cur.next
            cur.next = node
        self.size += 1

    def push_front(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def pop_front(self):
        if self.head is None:
            raise IndexError("pop from empty LinkedList")
        node = self.head
        self.head = node.next
        self.size -= 1
        return node.value

    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev

    def __len__(self):
        return self.size

    def __iter__(self):
        return LinkedListIterator(self.head)

    def __contains__(self, value):
        for v in self:
            if v == value:
                return True
        return False

    def __getitem__(self, index):
        if index < 0:
            index += self.size
        for i, v in enumerate(self):
            if i == index:
                return v
        raise IndexError("LinkedList index out of range")

    def __add__(self, other):
        return LinkedList(list(self) + list(other))

    def __eq__(self, other):
        return list(self) == list(other)

    def __repr__(self):
        return "LinkedList([" + ", ".join([repr(v) for v in self]) + "])"

    def __str__(self):
        return " -> ".join([str(v) for v in self]) or "(empty)"

class LinkedListIterator:
    def __init__(self, node):
        self.node = node

    def __iter__(self):
        return self

    def __next__(self):
        if self.node is None:
            raise StopIteration
        value = self.node.value
        self.node = self.node.next
        return value

ll = LinkedList([3, 1, 4])
ll.append(1)
ll.push_front(9)
print(ll, "| len", len(ll), "| repr", repr(ll))
print(ll[0], ll[2], ll[-1], 4 in ll, 7 in ll, sum(ll), sorted(ll))
ll.reverse()
print("reversed:", ll)
print("popped:", ll.pop_front(), ll.pop_front(), "left:", ll)
both = ll + LinkedList(["a", "b"])
print("concat:", both, len(both), both == LinkedList([1, 3, 9, "a", "b"]))
empty = LinkedList()
print(str(empty), len(empty), bool(empty), list(empty))
for label, action in [("index", lambda: ll[10]), ("pop", lambda: empty.pop_front())]:
    try:
        action()
    except IndexError as e:
        print(label, "IndexError:", e)
for i, value in enumerate(LinkedList(["x", "y", "z"])):
    print("node", i, "holds", repr(value))
numbers = LinkedList(range(5))
print("squares:", [v * v for v in numbers], "max:", max(numbers), "list:", list(numbers))
