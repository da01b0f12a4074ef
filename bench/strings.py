# Benchmark: string building with += and join, split, replace, upper.

total_len = 0
checksum = 0
for round_no in range(240):
    s = ""
    for i in range(2000):
        s += "w" + str(i % 97) + " "
    parts = s.split()
    joined = ",".join(parts)
    replaced = joined.replace(",", ";").replace("w1", "W-one")
    upper = replaced.upper()
    pieces = upper.split(";")
    total_len += len(upper) + len(pieces)
    checksum = (checksum * 31 + len(replaced) + upper.count("W-ONE") + round_no) % 1000000007
    words = []
    for p in pieces:
        if p.startswith("W"):
            words.append(p.lower())
    line = " ".join(words[:500])
    checksum = (checksum + len(line) + line.find("w5")) % 1000000007
print("total length:", total_len, "checksum:", checksum)
