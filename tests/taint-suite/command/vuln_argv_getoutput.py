# taint-suite: cwe=78 vulnerable=yes
# sys.argv through urllib.parse.unquote into subprocess.getoutput
import subprocess
import sys
from urllib.parse import unquote


def main():
    target = unquote(sys.argv[1])
    print(subprocess.getoutput("nslookup " + target))


if __name__ == "__main__":
    main()
