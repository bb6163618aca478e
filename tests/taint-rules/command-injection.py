import os
import shlex


def run():
    target = input("host? ")
    # ruleid: taint.command-injection
    os.system("ping -c 1 " + target)


def from_environment():
    editor = os.environ.get("EDITOR")
    # ok: taint.command-injection
    os.system(editor + " notes.txt")


def quoted():
    target = input("host? ")
    # ok: taint.command-injection
    os.system("ping -c 1 " + shlex.quote(target))


def unknown_helper():
    target = input("host? ")
    # ok: taint.command-injection
    os.system(lookup(target))


def known_conversion():
    target = input("host? ")
    # ruleid: taint.command-injection
    os.system("ping -c 1 {}".format(target.strip()))
