import os
import stat
from os import makedirs
from pathlib import Path

SHARED_DIR_MODE = 0o777


def spool(spool_dir):
    # ruleid: python.files.world-writable-mode
    os.makedirs(spool_dir, mode=0o777, exist_ok=True)


def lock(lock_path):
    # ruleid: python.files.world-writable-mode
    fd = os.open(lock_path, os.O_CREAT | os.O_WRONLY, 0o666)
    return fd


def upload_dir(root):
    # ruleid: python.files.world-writable-mode
    makedirs(os.path.join(root, "uploads"), SHARED_DIR_MODE)


def cache_dir(root):
    # ruleid: python.files.world-writable-mode
    Path(root, "cache").mkdir(mode=0o777, parents=True, exist_ok=True)


def fifo(path):
    # ruleid: python.files.world-writable-mode
    os.mkfifo(path, stat.S_IRUSR | stat.S_IWUSR | stat.S_IRWXO)


def status_file(path: Path):
    # ruleid: python.files.world-writable-mode
    path.touch(0o666)


def run_dir(path):
    # ruleid: python.files.world-writable-mode
    os.mkdir(
        path,
        0o1777,
    )


def spool_safe(spool_dir):
    # ok: python.files.world-writable-mode
    os.makedirs(spool_dir, mode=0o750, exist_ok=True)


def lock_safe(lock_path):
    # ok: python.files.world-writable-mode
    return os.open(lock_path, os.O_CREAT | os.O_WRONLY, 0o600)


def default_mode(path):
    # ok: python.files.world-writable-mode
    os.makedirs(path, exist_ok=True)


def private_fifo(path):
    # ok: python.files.world-writable-mode
    os.mkfifo(path, 0o600)


def open_existing(path):
    # ok: python.files.world-writable-mode
    return os.open(path, os.O_RDONLY)


def strip_other_write(path, requested):
    # ok: python.files.world-writable-mode
    os.mkdir(path, requested & ~stat.S_IWOTH)
