import os
import subprocess
from os import system


def flush_dns():
    # ruleid: python.command-injection.start-process-with-shell-literal
    os.system("systemd-resolve --flush-caches")


def load_average():
    # ruleid: python.command-injection.start-process-with-shell-literal
    return os.popen("cat /proc/loadavg").read().split()


def clear_screen():
    # ruleid: python.command-injection.start-process-with-shell-literal
    system("clear")


def kernel_version():
    # ruleid: python.command-injection.start-process-with-shell-literal
    return subprocess.getoutput(
        "uname -r"
    )


def flush_dns_safely():
    # ok: python.command-injection.start-process-with-shell-literal
    subprocess.run(["systemd-resolve", "--flush-caches"], check=True)


def load_average_safely():
    # ok: python.command-injection.start-process-with-shell-literal
    return os.getloadavg()


def open_log(path):
    # ok: python.command-injection.start-process-with-shell-literal
    return open(path).read()
