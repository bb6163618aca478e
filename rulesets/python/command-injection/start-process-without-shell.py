import os
import subprocess
import sys
from os import execvp, spawnl

REPORT_DIR = "/srv/reports"


def restart_self():
    # ruleid: python.command-injection.start-process-without-shell
    os.execv(sys.executable, [sys.executable] + sys.argv)


def hand_over(program, args):
    # ruleid: python.command-injection.start-process-without-shell
    execvp(program, [program, *args])


def start_helper(path):
    # ruleid: python.command-injection.start-process-without-shell
    return spawnl(os.P_NOWAIT, path, path, "--daemon")


def open_report(name):
    # ruleid: python.command-injection.start-process-without-shell
    os.startfile(os.path.join(REPORT_DIR, name))


def run_migration(env):
    # ruleid: python.command-injection.start-process-without-shell
    return os.spawnve(
        os.P_WAIT,
        "/usr/local/bin/migrate",
        ["migrate", "--apply"],
        env,
    )


def restart_with_subprocess():
    # ok: python.command-injection.start-process-without-shell
    return subprocess.run([sys.executable, "-m", "app"], check=True)


def report_path(name):
    # ok: python.command-injection.start-process-without-shell
    return os.path.join(REPORT_DIR, name)


def wait_child(pid):
    # ok: python.command-injection.start-process-without-shell
    return os.waitpid(pid, 0)
