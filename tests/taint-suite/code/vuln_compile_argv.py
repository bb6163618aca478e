# taint-suite: cwe=95 vulnerable=yes
# sys.argv compiled and then executed
import sys


def main():
    source = " ".join(sys.argv[1:])
    code = compile(source, "<cli>", "eval")
    print(eval(code))


if __name__ == "__main__":
    main()
