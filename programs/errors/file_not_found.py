# Opening a file that does not exist.

def read_lines(path):
    with open(path) as f:
        return f.readlines()


print("reading...")
lines = read_lines("/nonexistent/file")
print(len(lines))
