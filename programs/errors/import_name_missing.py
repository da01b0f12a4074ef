# Importing a name that a module does not have.
from sys import argv
print("argv has", len(argv), "entry")
from sys import nosuch
print("never printed")
