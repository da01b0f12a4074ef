# Slicing lists, strings and tuples.

nums = list(range(10))
print(nums)
print(nums[2:5], nums[:3], nums[7:], nums[:], nums[-3:], nums[:-3])
print(nums[::2], nums[1::2], nums[::3], nums[::-1], nums[::-2])
print(nums[8:2:-1], nums[8:2:-2], nums[-1:-4:-1], nums[2:8:3])
print(nums[5:2], nums[100:], nums[-100:2], nums[3:3])
print(nums[-1], nums[-10], nums[0])

text = "Hello, slicing!"
print(text[:5], text[7:], text[-8:-1], text[::-1], text[::2])
print(text[0:1], text[-1], repr(text[5:5]))

tup = (10, 20, 30, 40, 50)
print(tup[1:3], tup[::-1], tup[:1], type(tup[1:3]).__name__)

# Slice assignment and deletion on lists
letters = list("abcdefg")
letters[1:3] = ["X", "Y", "Z"]
print(letters)
letters[::2] = ["1", "2", "3", "4"]
print(letters)
del letters[0:2]
print(letters)
del letters[::2]
print(letters)
letters[:] = []
print(letters)

# Copy vs reference
orig = [1, [2, 3]]
shallow = orig[:]
shallow[0] = 100
shallow[1].append(4)
print(orig, shallow)

# Common idioms
def is_palindrome(s):
    cleaned = "".join([c.lower() for c in s if c != " "])
    return cleaned == cleaned[::-1]

for phrase in ["A man a plan a canal Panama", "hello", "Never odd or even"]:
    print(repr(phrase), is_palindrome(phrase))

def chunks(seq, size):
    return [seq[i:i + size] for i in range(0, len(seq), size)]

print(chunks(list(range(11)), 4))
print(chunks("abcdefghij", 3))

def rotate(seq, k):
    k = k % len(seq)
    return seq[k:] + seq[:k]

print(rotate([1, 2, 3, 4, 5], 2), rotate([1, 2, 3, 4, 5], -1), rotate("abcdef", 4))
print("first and last:", nums[:1] + nums[-1:])
