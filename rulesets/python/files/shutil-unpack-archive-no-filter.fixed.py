import os
import shutil
import shutil as sh
from shutil import unpack_archive


def install_plugin(upload_path, plugins_dir):
    extract_dir = os.path.join(plugins_dir, "incoming")
    # ruleid: python.files.shutil-unpack-archive-no-filter
    shutil.unpack_archive(upload_path, extract_dir, filter="data")
    return extract_dir


def restore(backup, target):
    # ruleid: python.files.shutil-unpack-archive-no-filter
    unpack_archive(backup, target, "gztar", filter="data")


def unpack_release(archive, dest):
    # ruleid: python.files.shutil-unpack-archive-no-filter
    sh.unpack_archive(
        archive,
        extract_dir=dest, filter="data"
    )


def unpack_here(archive):
    # ruleid: python.files.shutil-unpack-archive-no-filter
    shutil.unpack_archive(archive, filter="data")


def install_plugin_safe(upload_path, plugins_dir):
    # ok: python.files.shutil-unpack-archive-no-filter
    shutil.unpack_archive(upload_path, plugins_dir, filter="data")


def restore_trusted(backup, target):
    # ok: python.files.shutil-unpack-archive-no-filter
    unpack_archive(backup, target, "gztar", filter="tar")


def package(src, dest):
    # ok: python.files.shutil-unpack-archive-no-filter
    return shutil.make_archive(dest, "gztar", root_dir=src)


def formats():
    # ok: python.files.shutil-unpack-archive-no-filter
    return shutil.get_unpack_formats()
