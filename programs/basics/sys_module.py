# The sys module: argv, stdout/stderr, exit, recursion limit.
import sys

print("argv length:", len(sys.argv))
print("program name ends with sys_module.py:", sys.argv[0].endswith("sys_module.py"))
print("args after the name:", sys.argv[1:])

sys.stdout.write("written with sys.stdout.write\n")
sys.stdout.write("no newline, ")
sys.stdout.write("then newline\n")
n = sys.stdout.write("abc\n")
print("write returned", n)
sys.stdout.flush()
print("to stdout", flush=True)
print("this line goes to stderr", file=sys.stderr)
sys.stderr.write("so does this one\n")
print("a", "b", "c", sep="-", end="!\n")
print("x", end="")
print("y", end="")
print()
print("multiple", "values", 1, 2.5, None, sep=" | ")
print()
print(sep="ignored")

old = sys.getrecursionlimit()
print("default recursion limit:", old)
sys.setrecursionlimit(2000)
print("new recursion limit:", sys.getrecursionlimit())


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print("depth 1500 ok:", depth(1500))
sys.setrecursionlimit(old)
print("restored:", sys.getrecursionlimit())

# sys.exit raises SystemExit, which can be caught
for code in [0, 3, "fatal: something broke", None]:
    try:
        sys.exit(code)
    except SystemExit as e:
        print("SystemExit caught, code =", repr(e.code))

try:
    sys.exit()
except SystemExit as e:
    print("no-arg exit code:", e.code, "| is Exception:", isinstance(e, Exception),
          "| is BaseException:", isinstance(e, BaseException))


def main():
    print("main running")
    return 0


if __name__ == "__main__":
    print("__name__ is", __name__)
    sys.exit(main())
