# taint-suite: cwe=611 vulnerable=yes
# a script parses a file named on the command line with lxml
import sys

from lxml import etree


def main():
    tree = etree.parse(sys.argv[1])
    for node in tree.iter("user"):
        print(node.get("name"))


if __name__ == "__main__":
    main()
