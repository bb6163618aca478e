import os
from os import umask as set_umask

OPEN_MASK = 0o000


def daemonize():
    os.setsid()
    # ruleid: python.files.umask-world-writable
    os.umask(0)
    os.chdir("/")


def create_shared(path):
    # ruleid: python.files.umask-world-writable
    old = set_umask(0o000)
    try:
        os.makedirs(path)
    finally:
        os.umask(old)


def group_only_mask():
    # ruleid: python.files.umask-world-writable
    os.umask(0o020)


def configured_mask():
    # ruleid: python.files.umask-world-writable
    os.umask(OPEN_MASK)


def daemonize_safe():
    os.setsid()
    # ok: python.files.umask-world-writable
    os.umask(0o027)


def private_files():
    # ok: python.files.umask-world-writable
    os.umask(0o077)


def shared_group():
    # ok: python.files.umask-world-writable
    os.umask(0o002)


def current_umask():
    # ok: python.files.umask-world-writable
    mask = os.umask(0)
    os.umask(mask)
    return mask


def restore(previous):
    # ok: python.files.umask-world-writable
    os.umask(previous)
