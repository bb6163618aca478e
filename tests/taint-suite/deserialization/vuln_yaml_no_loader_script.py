# taint-suite: cwe=502 vulnerable=yes
# a script loads a YAML string given on the command line with unsafe_load
import sys

import yaml


def main():
    doc = sys.argv[1]
    settings = yaml.unsafe_load(doc)
    print(settings)


if __name__ == "__main__":
    main()
