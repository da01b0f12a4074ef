# A three-stage pipeline: user-request threads -> request processors -> one reply thread.
# Ports seeds/001_031ed3a675c8cbbc.txt, section "Multithreaded programming" (a shared Queue
# between UserRequestThread, which reads client input and puts requests in a queue, one
# thread per client; RequestProcessor, which takes requests from the queue and produces
# output for the next stage; ReplyThread, which takes the output and sends or saves it).
# The note has no code; this is a Python 3 version with two queue.Queue objects. Each
# stage stops on a None marker; the replies arrive in an order that differs between
# runs, so the reply thread collects them and the main thread prints them sorted.
import queue
import threading

requests = queue.Queue()
replies = queue.Queue()
saved = []
CLIENTS = {'alice': ['2+3', '10*4'], 'bob': ['7-9'], 'carol': ['6*7', '1+1', '100-1']}


class UserRequestThread(threading.Thread):
    def __init__(self, client, lines):
        super().__init__(name='user-' + client)
        self.client = client
        self.lines = lines

    def run(self):
        for n, line in enumerate(self.lines):
            requests.put((self.client, n, line))


class RequestProcessor(threading.Thread):
    def run(self):
        while True:
            request = requests.get()
            if request is None:
                break
            client, n, line = request
            for op in '+-*':
                if op in line:
                    a, b = line.split(op)
                    a, b = int(a), int(b)
                    value = a + b if op == '+' else a - b if op == '-' else a * b
                    break
            replies.put((client, n, '%s = %d' % (line, value)))


class ReplyThread(threading.Thread):
    def run(self):
        while True:
            reply = replies.get()
            if reply is None:
                break
            saved.append(reply)  # "save to the local system or a database"


users = [UserRequestThread(c, lines) for c, lines in CLIENTS.items()]
processors = [RequestProcessor(name='processor-%d' % i) for i in range(2)]
reply_thread = ReplyThread(name='reply')
for t in [reply_thread] + processors + users:
    t.start()
for t in users:
    t.join()
for _ in processors:  # all requests are in: one stop marker per processor
    requests.put(None)
for t in processors:
    t.join()
replies.put(None)  # all replies are in
reply_thread.join()

for client, n, text in sorted(saved):
    print('%-5s #%d: %s' % (client, n, text))
print('replies:', len(saved), '| requests:', sum(len(v) for v in CLIENTS.values()))
