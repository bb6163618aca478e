# taint-suite: cwe=117 vulnerable=yes
# a script logs its argument
import logging
import sys

logging.basicConfig(level=logging.INFO)
LOG = logging.getLogger("tool")


def main():
    target = sys.argv[1]
    LOG.info("processing %s", target)


if __name__ == "__main__":
    main()
