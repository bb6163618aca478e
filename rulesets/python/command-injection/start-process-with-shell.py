import os
import subprocess
from os import popen
from os import system as run_shell


def make_thumbnail(src, dest):
    # ruleid: python.command-injection.start-process-with-shell
    os.system("convert %s -resize 128x128 %s" % (src, dest))


def disk_usage(path):
    # ruleid: python.command-injection.start-process-with-shell
    return popen(f"du -sh {path}").read()


def lookup(host):
    # ruleid: python.command-injection.start-process-with-shell
    return subprocess.getoutput("dig +short " + host)


def run_job(command):
    # ruleid: python.command-injection.start-process-with-shell
    status = run_shell(command)
    return status == 0


def check_port(port):
    # ruleid: python.command-injection.start-process-with-shell
    status, output = subprocess.getstatusoutput(
        "ss -ltn sport = :{}".format(port),
    )
    return status, output


def uptime():
    # ok: python.command-injection.start-process-with-shell
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout


def make_thumbnail_safely(src, dest):
    # ok: python.command-injection.start-process-with-shell
    subprocess.run(["convert", src, "-resize", "128x128", dest], check=True)


def read_config(path):
    # ok: python.command-injection.start-process-with-shell
    with open(path) as fh:
        return fh.read()


def notify(bus, message):
    # ok: python.command-injection.start-process-with-shell
    bus.system(message)
