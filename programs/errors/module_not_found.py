# Importing a module that does not exist.
import math

print("math works:", math.sqrt(9))
import nosuchmodule
print("never printed")
