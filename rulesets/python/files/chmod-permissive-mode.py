import os
import stat
from os import chmod as change_mode
from pathlib import Path

SCRIPT_MODE = 0o775
SHARED_MODE = 0o666  # reported by python.files.chmod-world-writable


def save_settings(settings_path, text):
    with open(settings_path, "w") as fh:
        fh.write(text)
    # ruleid: python.files.chmod-permissive-mode
    os.chmod(settings_path, 0o775)


def install_hook(hook):
    # ruleid: python.files.chmod-permissive-mode
    change_mode(hook, 0o755)


def group_share(path):
    # ruleid: python.files.chmod-permissive-mode
    os.chmod(path, 0o660)


def data_file(fd):
    # ruleid: python.files.chmod-permissive-mode
    os.fchmod(fd, 0o641)


def deploy(script):
    # ruleid: python.files.chmod-permissive-mode
    os.chmod(script, SCRIPT_MODE)


def team_dir(path):
    # ruleid: python.files.chmod-permissive-mode
    Path(path).chmod(stat.S_IRWXU | stat.S_IRWXG)


def team_file(path):
    # ruleid: python.files.chmod-permissive-mode
    os.chmod(path, mode=stat.S_IRUSR | stat.S_IWUSR | stat.S_IWGRP)


def remote_exec(sftp, remote):
    # ruleid: python.files.chmod-permissive-mode
    sftp.chmod(
        remote,
        0o710,
    )


def save_settings_safe(settings_path):
    # ok: python.files.chmod-permissive-mode
    os.chmod(settings_path, 0o640)


def private_dir(path):
    # ok: python.files.chmod-permissive-mode
    os.chmod(path, 0o700)


def private_key(path):
    # ok: python.files.chmod-permissive-mode
    Path(path).chmod(stat.S_IRUSR | stat.S_IWUSR)


def drop_group_write(path):
    mode = os.stat(path).st_mode
    # ok: python.files.chmod-permissive-mode
    os.chmod(path, mode & ~(stat.S_IWGRP | stat.S_IXGRP))


def world_writable(path):
    # ok: python.files.chmod-permissive-mode
    os.chmod(path, SHARED_MODE)


def default_mode(path, mode):
    # ok: python.files.chmod-permissive-mode
    os.chmod(path, mode)
