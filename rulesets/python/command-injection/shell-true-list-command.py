import subprocess
import subprocess as sp
from subprocess import check_output


def protect(key_path):
    # ruleid: python.command-injection.shell-true-list-command
    subprocess.run(["chmod", "600", key_path], shell=True, check=True)


def cleanup(tmpdir):
    # ruleid: python.command-injection.shell-true-list-command
    sp.call(["rm", "-rf", "--", tmpdir], shell=True)


def version():
    # ruleid: python.command-injection.shell-true-list-command
    return check_output(shell=True, args=["git", "--version"], text=True)


def start_worker(queue):
    # ruleid: python.command-injection.shell-true-list-command
    return subprocess.Popen(
        ["celery", "-A", "app", "worker", "-Q", queue],
        cwd="/srv/app",
        shell=True,
    )


def protect_safely(key_path):
    # ok: python.command-injection.shell-true-list-command
    subprocess.run(["chmod", "600", key_path], check=True)


def list_processes():
    # ok: python.command-injection.shell-true-list-command
    return check_output("ps aux | grep celery", shell=True)


def cleanup_explicit(tmpdir):
    # ok: python.command-injection.shell-true-list-command
    sp.call(["rm", "-rf", "--", tmpdir], shell=False)


def remote(runner):
    # ok: python.command-injection.shell-true-list-command
    runner.run(["uptime"], shell=True)
