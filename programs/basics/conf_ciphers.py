# Caesar, Vigenere and ROT13 ciphers, with the string module.
import string

def caesar(text, shift):
    result = []
    for ch in text:
        if ch.isupper():
            result.append(chr((ord(ch) - ord('A') + shift) % 26 + ord('A')))
        elif ch.islower():
            result.append(chr((ord(ch) - ord('a') + shift) % 26 + ord('a')))
        else:
            result.append(ch)
    return "".join(result)

msg = "Hello, World! Attack at dawn."
enc = caesar(msg, 3)
print(enc)
print(caesar(enc, -3))
for s in range(0, 26, 5):
    print(s, caesar("xyz ABC", s))

def vigenere(text, key, decrypt=False):
    out = []
    ki = 0
    for ch in text:
        if ch.isalpha():
            k = ord(key[ki % len(key)].lower()) - 97
            if decrypt:
                k = -k
            base = 65 if ch.isupper() else 97
            out.append(chr((ord(ch) - base + k) % 26 + base))
            ki += 1
        else:
            out.append(ch)
    return ''.join(out)

v = vigenere("Attack at dawn", "LEMON")
print(v, "|", vigenere(v, "LEMON", decrypt=True))
rot13 = str.maketrans(string.ascii_lowercase + string.ascii_uppercase,
                      string.ascii_lowercase[13:] + string.ascii_lowercase[:13] + string.ascii_uppercase[13:] + string.ascii_uppercase[:13])
print("Hello".translate(rot13))
print(string.ascii_letters, string.digits, string.punctuation)
from string import ascii_lowercase as lc, capwords
print(repr(string.printable), string.hexdigits, string.octdigits, repr(string.whitespace))
print(capwords("hello   wORLD  foo"), capwords("a-b-c", "-"), capwords(" x y ", None), capwords("aa--bb", sep="-"))
