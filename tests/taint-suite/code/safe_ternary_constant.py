# taint-suite: cwe=95 vulnerable=no
# a ternary on a constant never picks the request value
import sys


def main():
    supplied = sys.argv[1] if len(sys.argv) > 1 else ""
    expr = "0" if True else supplied
    print(eval(expr))


if __name__ == "__main__":
    main()
