import os
import stat
from os import chmod
from pathlib import Path

import paramiko

SHARED_MODE = 0o666


def publish_config(path):
    # ruleid: python.files.chmod-world-writable
    os.chmod(path, 0o666)


def make_script(script):
    # ruleid: python.files.chmod-world-writable
    chmod(script, 0o777)


def open_spool(fd):
    # ruleid: python.files.chmod-world-writable
    os.fchmod(fd, 0x1ff)


def share_link(link):
    # ruleid: python.files.chmod-world-writable
    os.lchmod(link, 511, follow_symlinks=False)


def upload(sftp: paramiko.SFTPClient, local, remote):
    sftp.put(local, remote)
    # ruleid: python.files.chmod-world-writable
    sftp.chmod(remote, 0o772)


def relax(path):
    # ruleid: python.files.chmod-world-writable
    os.chmod(
        path,
        0o646,
    )


def shared_cache(path):
    # ruleid: python.files.chmod-world-writable
    os.chmod(path, SHARED_MODE)


def share_dir(path):
    # ruleid: python.files.chmod-world-writable
    os.chmod(path, mode=stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)


def touch_shared(name):
    path = Path(name)
    path.touch()
    # ruleid: python.files.chmod-world-writable
    path.chmod(stat.S_IRUSR | stat.S_IWUSR | stat.S_IWOTH)


def combined(path):
    # ruleid: python.files.chmod-world-writable
    os.chmod(path, 0o770 | 0o006)


def publish_config_safe(path):
    # ok: python.files.chmod-world-writable
    os.chmod(path, 0o644)


def make_script_safe(script):
    # ok: python.files.chmod-world-writable
    os.chmod(script, 0o700)


def private_key(path):
    # ok: python.files.chmod-world-writable
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def drop_other_write(path):
    mode = os.stat(path).st_mode
    # ok: python.files.chmod-world-writable
    os.chmod(path, mode & ~stat.S_IWOTH)


def group_read(path):
    # ok: python.files.chmod-world-writable
    os.chmod(path, 0o640)


def chmod_command(path):
    # ok: python.files.chmod-world-writable
    return run_chmod(path, "0777", recursive=True, dry_run=False, extra=0o777)
