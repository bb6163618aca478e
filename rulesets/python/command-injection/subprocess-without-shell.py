import subprocess
import subprocess as sp
from subprocess import check_output, run


def fetch(repo_url, dest):
    # ruleid: python.command-injection.subprocess-without-shell
    subprocess.run(["git", "clone", "--", repo_url, dest], check=True)


def current_branch():
    # ruleid: python.command-injection.subprocess-without-shell
    return check_output(["git", "rev-parse", "--abbrev-ref", "HEAD"], text=True).strip()


def convert(src, dest):
    # ruleid: python.command-injection.subprocess-without-shell
    return run(["/usr/bin/convert", src, dest], shell=False)


def start_worker(argv, env):
    proc = sp.Popen(
        argv,
        env=env,
        # ruleid: python.command-injection.subprocess-without-shell
        shell=False,
    )
    return proc


def compress(path, options):
    # ruleid: python.command-injection.subprocess-without-shell
    return subprocess.call(["gzip", "--", path], **options)


def call_with_none(argv):
    # ruleid: python.command-injection.subprocess-without-shell
    return subprocess.check_call(argv, shell=None)


def fetch_in_shell(repo_url):
    # ok: python.command-injection.subprocess-without-shell
    return subprocess.run("git clone " + repo_url, shell=True)


def remote_exec(client, command):
    # ok: python.command-injection.subprocess-without-shell
    return client.run(command)


def quote_args(argv):
    # ok: python.command-injection.subprocess-without-shell
    return subprocess.list2cmdline(argv)


def describe(completed):
    # ok: python.command-injection.subprocess-without-shell
    return completed.check_returncode()
