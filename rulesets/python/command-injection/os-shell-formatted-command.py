import os
import shlex
import subprocess
from os import popen, system
from shlex import quote


def resolve(host):
    # ruleid: python.command-injection.os-shell-formatted-command
    return os.popen(f"dig +short {host}").read()


def make_thumbnail(src, dest):
    # ruleid: python.command-injection.os-shell-formatted-command
    return system("convert %s -resize 128x128 %s" % (src, dest))


def count_lines(path):
    # ruleid: python.command-injection.os-shell-formatted-command
    return int(popen("wc -l < " + path).read())


def mount_info(device):
    command = "findmnt -n -o TARGET {}".format(device)
    # ruleid: python.command-injection.os-shell-formatted-command
    return subprocess.getoutput(command)


def archive(name, directory):
    # ruleid: python.command-injection.os-shell-formatted-command
    status = os.system(
        f"tar czf /backups/{quote(name)}.tgz {directory}"
    )
    return status == 0


def resolve_quoted(host):
    # ok: python.command-injection.os-shell-formatted-command
    return os.popen(f"dig +short {shlex.quote(host)}").read()


def make_thumbnail_quoted(src, dest):
    # ok: python.command-injection.os-shell-formatted-command
    return system("convert %s -resize 128x128 %s" % (quote(src), quote(dest)))


def resolve_safely(host):
    # ok: python.command-injection.os-shell-formatted-command
    return subprocess.run(["dig", "+short", "--", host], capture_output=True, text=True).stdout


def load_average():
    # ok: python.command-injection.os-shell-formatted-command
    return os.popen("cat /proc/" + "loadavg").read()


def run_script(script_path):
    # ok: python.command-injection.os-shell-formatted-command
    return os.system(script_path)
