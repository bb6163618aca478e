import os
import subprocess
from os import system as run_shell
from subprocess import check_call


def backup_uploads():
    # ruleid: python.command-injection.wildcard-injection
    os.system("cd /srv/uploads && tar czf /backups/uploads.tgz *")


def fix_permissions():
    # ruleid: python.command-injection.wildcard-injection
    run_shell("chmod 644 /srv/www/static/*")


def give_back(user):
    # ruleid: python.command-injection.wildcard-injection
    subprocess.run("chown " + user + " *.log", cwd="/var/log/app", shell=True)


def mirror():
    check_call(
        "rsync -a * backup@mirror:/srv/",
        cwd="/srv/data",
        # ruleid: python.command-injection.wildcard-injection
        shell=True,
    )


def archive_list():
    # ruleid: python.command-injection.wildcard-injection
    subprocess.call(["tar", "cf", "logs.tar", "*.log"], shell=True)


def backup_uploads_safely():
    # ok: python.command-injection.wildcard-injection
    subprocess.run(
        ["tar", "czf", "/backups/uploads.tgz", "-C", "/srv/uploads", "--", "."],
        check=True,
    )


def fix_permissions_without_glob(paths):
    # ok: python.command-injection.wildcard-injection
    subprocess.run(["chmod", "644", "--", *paths], check=True)


def list_archives():
    # ok: python.command-injection.wildcard-injection
    return os.popen("ls -1 /backups").read()


def archive_no_shell():
    # ok: python.command-injection.wildcard-injection
    subprocess.run(["tar", "cf", "logs.tar", "*.log"], cwd="/var/log/app")
