# Converting a huge integer to float overflows.

big = 1
for i in range(1, 400):
    big *= i
print("400! has", len(str(big)), "digits")
print(big / 2)
