import asyncio
import os
import pty
import subprocess
from subprocess import check_output


def backup(src, dest):
    # ruleid: python.command-injection.shell-c-non-literal
    subprocess.run(["bash", "-c", f"tar czf {dest} {src} | tee -a backup.log"], check=True)


def count_matches(pattern, path):
    # ruleid: python.command-injection.shell-c-non-literal
    return check_output(["/bin/sh", "-c", "grep -c " + pattern + " " + path], text=True)


def run_user_shell(command):
    # ruleid: python.command-injection.shell-c-non-literal
    return subprocess.Popen([os.environ.get("SHELL", "/bin/sh"), "-lc", command])


def run_login_shell(command):
    # ruleid: python.command-injection.shell-c-non-literal
    return subprocess.Popen([os.environ["SHELL"], "-c", command])


def hand_over(command):
    # ruleid: python.command-injection.shell-c-non-literal
    os.execl("/bin/sh", "sh", "-c", command)


async def ping(host):
    # ruleid: python.command-injection.shell-c-non-literal
    proc = await asyncio.create_subprocess_exec("sh", "-c", "ping -c 1 %s" % host)
    return await proc.wait()


def open_session(command):
    # ruleid: python.command-injection.shell-c-non-literal
    pty.spawn(["/bin/bash", "-c", command])


def windows_copy(src, dest):
    # ruleid: python.command-injection.shell-c-non-literal
    subprocess.call([r"C:\Windows\System32\cmd.exe", "/c", "copy {} {}".format(src, dest)])


def backup_safely(src, dest):
    script = 'tar czf "$1" -- "$2" | tee -a backup.log'
    # ok: python.command-injection.shell-c-non-literal
    subprocess.run(["bash", "-c", script, "bash", dest, src], check=True)


def rotate_logs():
    # ok: python.command-injection.shell-c-non-literal
    subprocess.run(["/bin/sh", "-c", "gzip /var/log/app/*.log"], check=True)


def run_script(script_path):
    # ok: python.command-injection.shell-c-non-literal
    subprocess.run(["/bin/bash", script_path], check=True)


def compile_c(source):
    # ok: python.command-injection.shell-c-non-literal
    subprocess.run(["gcc", "-c", source], check=True)
