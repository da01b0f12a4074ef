# Writing and reading a text file.
PATH = "/tmp/gilvm_basics_files_io.txt"

with open(PATH, "w") as f:
    f.write("first line\n")
    f.write("second line\n")
    count = f.write("third line has more words\n")
    print("write returned", count)
    print("a fourth line via print", file=f)

with open(PATH) as f:
    content = f.read()
print("read():", repr(content))
print("line count:", content.count("\n"))

with open(PATH, "r") as f:
    print("readline:", repr(f.readline()))
    print("readline:", repr(f.readline()))
    rest = f.readlines()
print("readlines of the rest:", rest)

with open(PATH) as f:
    for number, line in enumerate(f, start=1):
        print(number, line.rstrip("\n").upper())

# Append mode
with open(PATH, "a") as f:
    f.write("appended line\n")
with open(PATH) as f:
    lines = f.readlines()
print("now", len(lines), "lines, last:", repr(lines[-1]))

# Without a with block: remember to close
f = open(PATH, "w")
for i in range(5):
    f.write("%d squared is %d\n" % (i, i * i))
f.close()
f = open(PATH)
print([line.split()[-1] for line in f])
f.close()

# A word counter over the file
with open(PATH, "w") as out:
    out.write("the cat sat on the mat\nthe dog sat on the log\n")
counts = {}
with open(PATH) as src:
    for line in src:
        for word in line.split():
            counts[word] = counts.get(word, 0) + 1
for word in sorted(counts, key=lambda w: (-counts[w], w)):
    print("%-4s %d" % (word, counts[word]))

with open(PATH) as f:
    print("readline at EOF:", repr(f.read()), repr(f.readline()), repr(f.read()))

try:
    open("/tmp/gilvm_no_such_dir/missing.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
    print("is OSError:", isinstance(e, OSError), "| errno:", e.errno)
