import subprocess

from app.utils import run_command
from app.utils import run_command as sh_run
from invoke import task


def restart(service):
    # ruleid: python.command-injection.shell-true-other-function
    return run_command(f"systemctl restart {service}", shell=True)


def deploy(ctx, ref):
    # ruleid: python.command-injection.shell-true-other-function
    ctx.run("git checkout " + ref, shell="/bin/bash")


def backup(path):
    return sh_run(
        "tar czf /backups/data.tgz " + path,
        timeout=600,
        # ruleid: python.command-injection.shell-true-other-function
        shell=True,
    )


def probe(host, use_shell):
    # ruleid: python.command-injection.shell-true-other-function
    return run_command(["ping", "-c", "1", host], shell=use_shell)


class RemoteHost:
    def __init__(self, executor):
        self.executor = executor

    def disk_free(self, mount):
        # ruleid: python.command-injection.shell-true-other-function
        return self.executor.execute("df -h %s" % mount, shell=True)


@task
def lint(ctx):
    # ok: python.command-injection.shell-true-other-function
    ctx.run("ruff check .")


def restart_safely(service):
    # ok: python.command-injection.shell-true-other-function
    return run_command(["systemctl", "restart", "--", service], shell=False)


def restart_default(service):
    # ok: python.command-injection.shell-true-other-function
    return run_command(["systemctl", "restart", "--", service])


def list_files(path):
    # ok: python.command-injection.shell-true-other-function
    return subprocess.run("ls " + path, shell=True)
