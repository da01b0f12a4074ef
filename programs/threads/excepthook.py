# threading.excepthook: a custom hook gets an ExceptHookArgs for each exception that ends
# a thread (SystemExit included); the default hook (threading.__excepthook__) prints
# "Exception in thread NAME:" and the traceback on stderr, and ignores SystemExit.
import sys
import threading

print(threading.excepthook is threading.__excepthook__)


def run(target, name, args=()):
    t = threading.Thread(target=target, name=name, args=args)
    t.start()
    t.join()


def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.exc_value is args[1])
    print("  thread:", args.thread.name, args.thread is args[3], len(args))
    exc_type, exc_value, exc_traceback, thread = args
    print("  unpacked:", exc_type is args.exc_type, thread.name)


threading.excepthook = hook
run(lambda: 1 / 0, "divide")
run(sys.exit, "exits", (3,))
run(int, "builtin-target", ("x",))


def failing_hook(args):
    raise ValueError("the hook failed")


# An exception in the hook is printed as "Exception in threading.excepthook:".
threading.excepthook = failing_hook
run(lambda: 1 / 0, "hook-fails")


def delegating_hook(args):
    print("delegating:", args.exc_type.__name__)
    threading.__excepthook__(args)


# The default hook writes to stderr; a SystemExit is ignored.
threading.excepthook = delegating_hook
run(lambda: [][0], "delegates")
run(sys.exit, "delegates-exit")

threading.excepthook = threading.__excepthook__
args = threading.ExceptHookArgs([ValueError, ValueError("made by hand"), None, None])
print(args.exc_type, args.exc_value, args.exc_traceback, args.thread)
print(args[0], args[-1], tuple(args))

for bad in ([1, 2, 3], 5):
    try:
        threading.ExceptHookArgs(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    threading.excepthook(1)
except TypeError as e:
    print("TypeError:", e)

# CPython's Thread.__init__ refuses while the hook is None.
threading.excepthook = None
try:
    threading.Thread(target=print)
except RuntimeError as e:
    print("RuntimeError:", e)
threading.excepthook = threading.__excepthook__
