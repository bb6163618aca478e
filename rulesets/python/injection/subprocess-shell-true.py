import os
import subprocess

import shell_utils


def archive(directory, dest):
    # ruleid: python.injection.subprocess-shell-true
    subprocess.run(f"tar czf {dest} {directory}", shell=True, check=True)


def disk_usage(path):
    # ruleid: python.injection.subprocess-shell-true
    return subprocess.check_output("du -sh " + path, shell=True)


def ping(host):
    # ruleid: python.injection.subprocess-shell-true
    return subprocess.call(shell=True, args="ping -c 1 " + host)


def tail_log(name):
    # ruleid: python.injection.subprocess-shell-true
    proc = subprocess.Popen(
        "tail -n 100 /var/log/" + name,
        stdout=subprocess.PIPE,
        shell=True,
        text=True,
    )
    return proc.communicate()[0]


def grep(pattern, path):
    # ruleid: python.injection.subprocess-shell-true
    return subprocess.check_call("grep " + pattern + " " + path, cwd="/", shell=True, timeout=5)


def run_with_options(cmd, opts):
    # ruleid: python.injection.subprocess-shell-true
    return subprocess.run(cmd, shell=True, **opts)


def archive_safe(directory, dest):
    # ok: python.injection.subprocess-shell-true
    subprocess.run(["tar", "czf", dest, directory], check=True)


def disk_usage_explicit(path):
    # ok: python.injection.subprocess-shell-true
    return subprocess.check_output(["du", "-sh", path], shell=False)


def run_script(script):
    # ok: python.injection.subprocess-shell-true
    return subprocess.run(["/bin/sh", script], capture_output=True, text=True)


def not_subprocess(runner, cmd):
    # ok: python.injection.subprocess-shell-true
    return runner.run(cmd, shell=True)


def system_call(cmd):
    # ok: python.injection.subprocess-shell-true
    return os.system(cmd)


def run_with_defaults(cmd, opts):
    # ok: python.injection.subprocess-shell-true
    return subprocess.run(cmd, **opts)


def spawn(cmd):
    # ok: python.injection.subprocess-shell-true
    return shell_utils.run(cmd, shell=True)
