# List methods, shown on a shopping list.

shopping = ["milk", "eggs", "bread"]
print("start:", shopping)
shopping.append("butter")
print("append:", shopping)
shopping.insert(1, "cheese")
print("insert(1):", shopping)
shopping.insert(0, "apples")
shopping.insert(100, "end-item")
print("insert front and past end:", shopping)
shopping.extend(["jam", "tea"])
print("extend:", shopping)
shopping.remove("eggs")
print("remove eggs:", shopping)
last = shopping.pop()
print("pop() ->", last, shopping)
first = shopping.pop(0)
print("pop(0) ->", first, shopping)
print("index of bread:", shopping.index("bread"))
print("count milk:", shopping.count("milk"), "count rice:", shopping.count("rice"))

shopping.sort()
print("sorted:", shopping)
shopping.sort(reverse=True)
print("reverse sorted:", shopping)
shopping.sort(key=len)
print("by length:", shopping)
shopping.reverse()
print("reversed:", shopping)

backup = shopping.copy()
shopping.clear()
print("cleared:", shopping, "backup:", backup)
print("len:", len(shopping), len(backup))

# Lists are mutable and shared by reference
a = [1, 2, 3]
b = a
b.append(4)
print("a after b.append:", a, a is b)
c = a[:]
c.append(5)
print("a after copy append:", a, c, a is c, a == c[:4])

# Operators on lists
print([1, 2] + [3], [0] * 4, [[0] * 2] * 2)
nums = [5, 3, 8, 1, 9, 2]
print(len(nums), min(nums), max(nums), sum(nums), sorted(nums), nums)
print(3 in nums, 7 in nums, nums.index(8))
nums[0] = 50
nums[-1] += 100
print("item assignment:", nums)
nums[1:3] = [30, 80, 800]
print("slice assignment:", nums)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [2] > [1, 9, 9])

# Errors
try:
    [1, 2].remove(5)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    ["a"].index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    print(nums[10])
except IndexError as e:
    print("IndexError:", e)
