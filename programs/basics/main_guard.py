"""A module with a main guard: code under `if __name__ == '__main__':` only
runs when the file is executed directly."""

VERSION = "1.2"


def parse_line(line):
    """Split 'key = value' into a (key, value) pair."""
    if "=" not in line:
        return None
    key, value = line.split("=", 1)
    return key.strip(), value.strip()


def load(text):
    config = {}
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        pair = parse_line(line)
        if pair is None:
            print("skipping bad line:", repr(line))
            continue
        config[pair[0]] = pair[1]
    return config


SAMPLE = """
# sample configuration
name = demo
threads = 4
ratio = 0.75
this line is broken
path = /usr/local = odd but ok
"""


def main():
    print("version", VERSION)
    print("module name:", __name__)
    print("docstring first line:", __doc__.split("\n")[0])
    print("parse_line doc:", parse_line.__doc__)
    config = load(SAMPLE)
    for key in config:
        print("%-8s = %r" % (key, config[key]))
    threads = int(config["threads"])
    ratio = float(config["ratio"])
    print("threads * ratio =", threads * ratio)
    return len(config)


if __name__ == "__main__":
    n = main()
    print("loaded", n, "keys")
else:
    print("imported, not running main")

if __name__ != "__main__":
    print("never printed when run directly")
print("end of module")
