# Building strings: concatenation, join, repetition, formatting.

# += in a loop
s = ""
for i in range(10):
    s += str(i)
print(s, len(s))

# join is the idiomatic way
parts = []
for i in range(1, 6):
    parts.append("item%d" % i)
print(", ".join(parts))
print("\n".join(["row %d: %s" % (i, "*" * i) for i in range(1, 5)]))

# A text box
def boxed(lines):
    width = max([len(line) for line in lines])
    top = "+" + "-" * (width + 2) + "+"
    out = [top]
    for line in lines:
        out.append("| " + line.ljust(width) + " |")
    out.append(top)
    return "\n".join(out)

print(boxed(["Hello", "GIL world", "!"]))

# A multiplication table
size = 6
header = "    " + "".join(["%4d" % c for c in range(1, size + 1)])
print(header)
print("    " + "-" * (4 * size))
for r in range(1, size + 1):
    print("%2d |" % r + "".join(["%4d" % (r * c) for c in range(1, size + 1)]))

# A tiny template engine
def render(template, values):
    out = template
    for key, value in values.items():
        out = out.replace("{{" + key + "}}", str(value))
    return out

print(render("Dear {{name}}, you owe {{amount}} coins. Bye {{name}}!", {"name": "Max", "amount": 12}))

# Reversing words and caesar cipher
sentence = "threads share one lock"
print(" ".join(sentence.split()[::-1]))
print(" ".join([w[::-1] for w in sentence.split()]))

def caesar(text, shift):
    result = ""
    for ch in text:
        if "a" <= ch <= "z":
            result += chr((ord(ch) - ord("a") + shift) % 26 + ord("a"))
        else:
            result += ch
    return result

secret = caesar(sentence, 3)
print(secret, "->", caesar(secret, -3))

# Run-length encoding
def rle(text):
    if not text:
        return ""
    out = []
    current, count = text[0], 1
    for ch in text[1:]:
        if ch == current:
            count += 1
        else:
            out.append(current + str(count))
            current, count = ch, 1
    out.append(current + str(count))
    return "".join(out)

print(rle("aaabccddddde"), rle("abc"), repr(rle("")))
print("=" * 20)
print("%s|%s" % ("left".ljust(9, "."), "right".rjust(9, ".")))
