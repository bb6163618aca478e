# taint-suite: cwe=22 vulnerable=yes
# a script lists a directory named on the command line with a suffix
import os
import sys


def main():
    folder = sys.argv[1].rstrip("/")
    for entry in os.listdir(folder + "/logs"):
        print(entry)


if __name__ == "__main__":
    main()
