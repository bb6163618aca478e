import shlex
import subprocess
import subprocess as sp
from shlex import quote
from subprocess import check_output

FFMPEG = "/usr/bin/ffmpeg"


def convert(src, dest):
    # ruleid: python.command-injection.subprocess-shell-formatted-command
    subprocess.run(f"ffmpeg -i {src} {dest}", shell=True, check=True)


def disk_usage(path):
    # ruleid: python.command-injection.subprocess-shell-formatted-command
    return check_output("du -sh " + path, shell=True)


def ping(host, count):
    # ruleid: python.command-injection.subprocess-shell-formatted-command
    return sp.call("ping -c %d %s" % (count, host), shell=True)


def tail_log(name):
    command = "tail -n 100 /var/log/{}".format(name)
    # ruleid: python.command-injection.subprocess-shell-formatted-command
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, shell=True)
    return proc.communicate()[0]


def copy(src, dest):
    # ruleid: python.command-injection.subprocess-shell-formatted-command
    subprocess.check_call("cp %s %s" % (quote(src), dest), shell=True)


def search(pattern, path):
    # ruleid: python.command-injection.subprocess-shell-formatted-command
    return subprocess.run(
        "grep -r {pattern} {path}".format(pattern=pattern, path=shlex.quote(path)),
        shell=True,
        capture_output=True,
    )


def convert_quoted(src, dest):
    # FFMPEG is a constant: metavariable-pattern does not see constant values yet.
    # todook: python.command-injection.subprocess-shell-formatted-command
    subprocess.run(f"{FFMPEG} -i {shlex.quote(src)} {shlex.quote(dest)}", shell=True, check=True)


def copy_quoted(src, dest):
    # ok: python.command-injection.subprocess-shell-formatted-command
    subprocess.check_call("cp %s %s" % (quote(src), quote(dest)), shell=True)


def convert_without_shell(src, dest):
    # ok: python.command-injection.subprocess-shell-formatted-command
    subprocess.run(["ffmpeg", "-i", src, "--", dest], check=True)


def count_processes():
    # ok: python.command-injection.subprocess-shell-formatted-command
    return check_output("ps aux | " + "wc -l", shell=True)


def run_joined(argv):
    # ok: python.command-injection.subprocess-shell-formatted-command
    return subprocess.run(shlex.join(argv) + " | tee -a /var/log/jobs.log", shell=True)


def run_prepared(command):
    # ok: python.command-injection.subprocess-shell-formatted-command
    return subprocess.run(command, shell=True)


def log_command(logger, host):
    # ok: python.command-injection.subprocess-shell-formatted-command
    logger.info("running ping -c 1 %s" % host)
