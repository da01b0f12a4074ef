# Adding a number to a string.

count = 3
print("counting items...")
message = "You have " + count + " items"
print(message)
