# taint-suite: cwe=78 vulnerable=no
# the value is an argument (not the program) of an argument list
import subprocess
import sys


def main():
    path = sys.argv[1]
    subprocess.run(["git", "log", "--oneline", "--", path], check=True)


if __name__ == "__main__":
    main()
