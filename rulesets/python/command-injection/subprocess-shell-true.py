import os
import subprocess
import subprocess as sp
from subprocess import Popen, check_output

import shell_utils


def archive(directory, dest):
    # ruleid: python.command-injection.subprocess-shell-true
    subprocess.run(f"tar czf {dest} {directory}", shell=True, check=True)


def disk_usage(path):
    # ruleid: python.command-injection.subprocess-shell-true
    return check_output("du -sh " + path, shell=True)


def ping(host):
    # ruleid: python.command-injection.subprocess-shell-true
    return sp.call("ping -c 1 %s" % host, shell=True)


def tail_log(name):
    proc = Popen(
        "tail -n 100 /var/log/{}".format(name),
        stdout=subprocess.PIPE,
        # ruleid: python.command-injection.subprocess-shell-true
        shell=True,
        text=True,
    )
    return proc.communicate()[0]


def grep(pattern, path):
    # ruleid: python.command-injection.subprocess-shell-true
    return subprocess.check_call("grep " + pattern + " " + path, cwd="/", shell=True, timeout=5)


def run_with_options(cmd, opts):
    # ruleid: python.command-injection.subprocess-shell-true
    return subprocess.run(cmd, shell=True, **opts)


def run_command(cmd, use_shell=False):
    # ruleid: python.command-injection.subprocess-shell-true
    return subprocess.run(cmd, shell=use_shell, capture_output=True)


def run_legacy(cmd):
    # ruleid: python.command-injection.subprocess-shell-true
    return sp.Popen(cmd, shell=1)


def run_by_keyword(cmd):
    # Bandit skips calls without a positional command; this one is still a shell.
    # ruleid: python.command-injection.subprocess-shell-true
    return subprocess.run(args=cmd, shell=True)


def run_unpacked(cmd):
    # tripline: f(**{"shell": True}) passes shell=True; Bandit does not see it.
    # ruleid: python.command-injection.subprocess-shell-true
    return subprocess.run(cmd, **{"shell": True})


def archive_safe(directory, dest):
    # ok: python.command-injection.subprocess-shell-true
    subprocess.run(["tar", "czf", dest, "--", directory], check=True)


def disk_usage_explicit(path):
    # ok: python.command-injection.subprocess-shell-true
    return subprocess.check_output(["du", "-sh", path], shell=False)


def run_no_shell(cmd):
    # ok: python.command-injection.subprocess-shell-true
    return subprocess.run(cmd, shell=None)


def run_script(script):
    # ok: python.command-injection.subprocess-shell-true
    return subprocess.run(["/bin/sh", script], capture_output=True, text=True)


def not_subprocess(runner, cmd):
    # ok: python.command-injection.subprocess-shell-true
    return runner.run(cmd, shell=True)


def system_call(cmd):
    # ok: python.command-injection.subprocess-shell-true
    return os.system(cmd)


def spawn(cmd):
    # ok: python.command-injection.subprocess-shell-true
    return shell_utils.run(cmd, shell=True)
