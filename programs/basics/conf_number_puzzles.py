# Roman numerals, numbers in words, bases, Pascal's triangle and other number puzzles.
def to_roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out
def from_roman(s):
    m = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s):
        if i + 1 < len(s) and m[ch] < m[s[i + 1]]:
            total -= m[ch]
        else:
            total += m[ch]
    return total
for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
    r = to_roman(n)
    print(f"{n:>5} -> {r:<12} -> {from_roman(r)}")
ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
def words(n):
    if n == 0:
        return "zero"
    parts = []
    for div, name in [(10**9, "billion"), (10**6, "million"), (1000, "thousand"), (1, "")]:
        chunk, n = divmod(n, div)
        if chunk:
            h, rest = divmod(chunk, 100)
            seg = []
            if h:
                seg.append(ONES[h] + " hundred")
            if rest >= 20:
                seg.append(TENS[rest // 10] + ("-" + ONES[rest % 10] if rest % 10 else ""))
            elif rest:
                seg.append(ONES[rest])
            parts.append(" ".join(seg) + (" " + name if name else ""))
    return ", ".join(parts)
for n in [0, 7, 13, 42, 100, 115, 999, 1001, 123456, 7000000, 2147483647]:
    print(n, "=", words(n))
def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
print([y for y in range(1896, 1920) if is_leap(y)], is_leap(2000), is_leap(2100))
perfect = [n for n in range(2, 10000) if sum(d for d in range(1, n // 2 + 1) if n % d == 0) == n]
print("perfect:", perfect)
armstrong = [n for n in range(100, 10000) if n == sum(int(d) ** len(str(n)) for d in str(n))]
print("armstrong:", armstrong)
def to_base(n, b):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(digits[r])
    return sign + "".join(reversed(out))
print([to_base(255, b) for b in (2, 8, 10, 16, 36)], to_base(-42, 2), int(to_base(123456789, 36), 36))
row = [1]
for i in range(10):
    print(" ".join(map(str, row)).center(50))
    row = [1] + [row[j] + row[j + 1] for j in range(len(row) - 1)] + [1]
print("%-6s %8s %8s" % ("C", "F", "K"))
for c in range(-40, 101, 20):
    print("%-6d %8.1f %8.2f" % (c, c * 9 / 5 + 32, c + 273.15))
digits = [int(d) for d in str(2 ** 1000)]
print(sum(digits), len(digits), max(set(digits), key=digits.count))
def digital_root(n):
    while n >= 10:
        n = sum(int(d) for d in str(n))
    return n
print([digital_root(n) for n in (0, 9, 38, 123456789, 10**20 - 1)])
def luhn(num):
    total = 0
    for i, d in enumerate(reversed(str(num))):
        d = int(d)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0
print([luhn(n) for n in (79927398713, 79927398710, 4539578763621486, 1234567812345678)])
