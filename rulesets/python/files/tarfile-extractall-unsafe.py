import io
import tarfile
import zipfile
from tarfile import open as open_tar


def install_theme(upload, dest):
    with tarfile.open(fileobj=upload) as tar:
        # ruleid: python.files.tarfile-extractall-unsafe
        tar.extractall(dest)


def restore_backup(path, target):
    archive = open_tar(path, "r:gz")
    # ruleid: python.files.tarfile-extractall-unsafe
    archive.extractall(path=target)
    archive.close()


def unpack_bytes(blob, dest):
    # ruleid: python.files.tarfile-extractall-unsafe
    tarfile.open(fileobj=io.BytesIO(blob)).extractall(
        dest,
    )


def unpack_legacy(tar, dest):
    # ruleid: python.files.tarfile-extractall-unsafe
    tar.extractall(dest, filter="tar")


def unpack_trusting(tar, dest):
    # ruleid: python.files.tarfile-extractall-unsafe
    tar.extractall(dest, numeric_owner=True, filter="fully_trusted")


def unpack_plugin(bundle, dest):
    # In a file that imports tarfile, Bandit takes any extractall() as a
    # tar extraction (a zip archive here).
    with zipfile.ZipFile(bundle) as zf:
        # ruleid: python.files.tarfile-extractall-unsafe
        zf.extractall(dest)


def install_theme_safe(upload, dest):
    with tarfile.open(fileobj=upload) as tar:
        # ok: python.files.tarfile-extractall-unsafe
        tar.extractall(dest, filter="data")


def restore_backup_safe(path, target):
    with tarfile.open(path) as archive:
        # ok: python.files.tarfile-extractall-unsafe
        archive.extractall(path=target, members=safe_members(archive), filter="data")


def read_manifest(path):
    with tarfile.open(path) as tar:
        # ok: python.files.tarfile-extractall-unsafe
        return tar.extractfile("manifest.json").read()


def list_names(path):
    with tarfile.open(path) as tar:
        # ok: python.files.tarfile-extractall-unsafe
        return tar.getnames()


def extract_one(tar, name, dest):
    # ok: python.files.tarfile-extractall-unsafe
    tar.extract(name, dest, filter="data")
