# taint-suite: cwe=78 vulnerable=yes
# a script reads a branch name with input() and runs git through the shell
import subprocess


def checkout():
    branch = input("branch to deploy: ").strip()
    subprocess.call("git fetch && git checkout " + branch, shell=True)


if __name__ == "__main__":
    checkout()
