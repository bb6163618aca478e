import os
import tarfile


def safe_members(tar, dest):
    root = os.path.realpath(dest)
    for member in tar.getmembers():
        target = os.path.realpath(os.path.join(dest, member.name))
        if target.startswith(root + os.sep) and (member.isfile() or member.isdir()):
            yield member


def install(path, dest):
    with tarfile.open(path) as tar:
        # ruleid: python.files.tarfile-extractall-members-function
        tar.extractall(dest, members=safe_members(tar, dest))


def install_filtered(archive, dest):
    # ruleid: python.files.tarfile-extractall-members-function
    archive.extractall(path=dest, members=filter_members(archive))


def install_multiline(path, dest):
    tar = tarfile.open(path)
    # ruleid: python.files.tarfile-extractall-members-function
    tar.extractall(
        dest,
        members=safe_members(tar, dest),
    )


def install_with_method(tar, dest, checker):
    # ruleid: python.files.tarfile-extractall-members-function
    tar.extractall(dest, members=checker.safe_members(tar))


def install_safe(path, dest):
    with tarfile.open(path) as tar:
        # ok: python.files.tarfile-extractall-members-function
        tar.extractall(dest, members=safe_members(tar, dest), filter="data")


def install_data(path, dest):
    with tarfile.open(path) as tar:
        # ok: python.files.tarfile-extractall-members-function
        tar.extractall(dest, filter="data")


def count_members(path):
    with tarfile.open(path) as tar:
        # ok: python.files.tarfile-extractall-members-function
        return len(tar.getmembers())
