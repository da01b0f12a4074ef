# sys.exit with an integer code: no traceback, exit status 3.
import sys

print("checking input...")
errors = ["missing name", "bad age"]
for e in errors:
    print("error:", e)
if errors:
    sys.exit(3)
print("never printed")
