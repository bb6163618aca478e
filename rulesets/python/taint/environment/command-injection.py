import os
import shlex
import subprocess


def checkout():
    branch = os.environ["BRANCH"]
    # ruleid: python.taint.environment-command-injection
    os.system("git checkout " + branch)


def deploy():
    target = os.getenv("DEPLOY_TARGET", "staging")
    command = f"deploy.sh --target {target}"
    # ruleid: python.taint.environment-command-injection
    subprocess.run(command, shell=True, check=True)


def archive():
    name = os.environ.get("ARCHIVE_NAME", "backup")
    # ok: python.taint.environment-command-injection
    subprocess.run(["tar", "czf", name + ".tgz", "data/"], check=True)


def quoted():
    name = os.environ.get("ARCHIVE_NAME", "backup")
    # ok: python.taint.environment-command-injection
    os.system("tar czf " + shlex.quote(name) + ".tgz data/")


def overwritten():
    home = os.environ["HOME"]
    home = "/srv/app"
    # ok: python.taint.environment-command-injection
    os.system("ls " + home)


def number():
    workers = int(os.environ.get("WORKERS", "4"))
    # ok: python.taint.environment-command-injection
    os.system("run --workers %d" % workers)
