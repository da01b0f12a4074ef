# sys.exit with a string: the message goes to stderr and the exit status is 1.
import sys


def main():
    print("loading configuration")
    sys.exit("fatal: configuration file is missing")


main()
