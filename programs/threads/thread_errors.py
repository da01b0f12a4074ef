# Misusing Thread objects: the RuntimeErrors for start twice, join too early, join self.
# Added beyond the notes; seeds/000_b287556471e6e9bb.txt, section "Thread object attributes
# and methods", and seeds/001_031ed3a675c8cbbc.txt (setDaemon "must be called before
# start()") describe the rules these errors enforce.
import threading


def attempt(label, action):
    try:
        action()
        print(label, '-> ok')
    except RuntimeError as e:
        print(label, '-> RuntimeError:', e)


t = threading.Thread(target=len, args=([],))
attempt('join() before start()', t.join)
attempt('join(0.1) before start()', lambda: t.join(0.1))
attempt('start()', t.start)
attempt('start() again', t.start)
t.join()
attempt('start() after it finished', t.start)
attempt('join() again after it finished', t.join)


def set_daemon():
    t.daemon = True


attempt('daemon = True after start()', set_daemon)
attempt('main thread joins itself', threading.current_thread().join)
attempt('join the main thread from main', threading.main_thread().join)

results = []


def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        results.append('worker joins itself -> RuntimeError: %s' % e)


w = threading.Thread(target=join_self)
w.start()
w.join()
print(results[0])

# A target that is not callable fails inside the new thread (traceback on stderr);
# start() itself succeeds and the main thread continues.
bad = threading.Thread(target=42)
attempt('start() with target=42', bad.start)
bad.join()
print('bad thread alive:', bad.is_alive())

