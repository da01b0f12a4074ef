# A tour of the most used string methods.

s = "  Hello, World!  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
t = s.strip()
print(t.upper(), t.lower())
print(t.startswith("Hello"), t.startswith("World"), t.endswith("!"), t.endswith("?"))
print(t.replace("World", "Python"), t.replace("l", "L"), t.replace("l", "L", 2))
print(t.find("o"), t.find("o", 5), t.find("xyz"), t.count("l"), t.count("o"))
print("xxhixx".strip("x"), "--a-b--".lstrip("-"), "path///".rstrip("/"))

words = "the quick brown fox jumps over the lazy dog"
parts = words.split()
print(parts)
print(len(parts), parts.count("the"))
print("a,b,,c".split(","))
print("a,b,c,d".split(",", 2))
print("a,b,c,d".rsplit(",", 1))
print("  spaced   out  words ".split())
print("line1\nline2\nline3".split("\n"))
print("-".join(parts[:4]))
print("".join(["x", "y", "z"]))
print(", ".join([str(n) for n in range(5)]))

print("[" + "mid".center(11) + "]", "[" + "mid".center(10, "*") + "]")
print("[" + "left".ljust(8) + "]", "[" + "right".rjust(8) + "]", "[" + "dot".ljust(6, ".") + "]")
print("42".zfill(5), "-42".zfill(6), "12345".zfill(3))
print("123".isdigit(), "12a".isdigit(), "".isdigit())

print("{} and {}".format("this", "that"))
print("{0}{1}{0}".format("ab", "-"))
print("{x}:{y}".format(x=1, y=2))
print("{:>8.2f}|".format(3.14159))

# strings are immutable sequences
word = "racecar"
print(word[0], word[-1], word[1:4], word[::-1], word == word[::-1])
print(len(word), "car" in word, "bus" not in word)
for ch in "abc":
    print(ch, ord(ch), chr(ord(ch) + 1))

# escapes
print("tab:\tend")
print("quote: \" and ' and \\ backslash")
print('single \'quoted\'')
print("unicode: caf\u00e9 \u03c0")
print(len("caf\u00e9"), "caf\u00e9".upper())
print("newline in repr:", repr("a\nb\tc"), repr('it\'s'), repr("say \"hi\""))
print(repr("both ' and \""))
multi = """Line one
    Line two (indented)
Line three"""
print(multi)
print(multi.count("\n"), multi.split("\n")[1].strip())

# string comparisons are lexicographic
print("apple" < "banana", "Zebra" < "apple", "abc" < "abd", "ab" < "abc")
print(min(["pear", "apple", "fig"]), max(["pear", "apple", "fig"]))
print("ha" * 3, 3 * "-" + ">")
