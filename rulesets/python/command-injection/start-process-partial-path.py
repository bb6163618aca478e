import os
import shutil
import subprocess
from subprocess import check_output

GIT = shutil.which("git") or "/usr/bin/git"
CONVERT = "convert"


def current_commit():
    # ruleid: python.command-injection.start-process-partial-path
    return check_output(["git", "rev-parse", "HEAD"], text=True)


def restart_service(name):
    # ruleid: python.command-injection.start-process-partial-path
    subprocess.run(["systemctl", "restart", "--", name], check=True)


def clear_screen():
    # ruleid: python.command-injection.start-process-partial-path
    os.system("clear")


def resize(src, dest):
    # ruleid: python.command-injection.start-process-partial-path
    subprocess.run([CONVERT, src, "-resize", "50%", dest], check=True)


def start_editor(path):
    # ruleid: python.command-injection.start-process-partial-path
    os.execlp("vim", "vim", path)


def compress(path):
    # ruleid: python.command-injection.start-process-partial-path
    proc = subprocess.Popen(
        "gzip -9 " + "/var/log/app.log",
        shell=True,
    )
    return proc.wait()


def current_commit_safely():
    # ok: python.command-injection.start-process-partial-path
    return check_output([GIT, "rev-parse", "HEAD"], text=True)


def restart_service_absolute(name):
    # ok: python.command-injection.start-process-partial-path
    subprocess.run(["/usr/bin/systemctl", "restart", "--", name], check=True)


def run_local_script():
    # ok: python.command-injection.start-process-partial-path
    subprocess.run(["./scripts/migrate.sh"], check=True)


def run_windows_tool(report):
    # ok: python.command-injection.start-process-partial-path
    subprocess.run(["C:\\Tools\\pdftk.exe", report, "output", "out.pdf"], check=True)


def sync_share():
    # ok: python.command-injection.start-process-partial-path
    subprocess.run(["\\\\fileserver\\tools\\sync.exe", "/mirror"], check=True)


def run_argv(argv):
    # ok: python.command-injection.start-process-partial-path
    subprocess.run(argv, check=True)
