import os
import shutil
import tarfile
import zipfile
from pathlib import Path


def import_bundle(upload, dest):
    with zipfile.ZipFile(upload) as zf:
        for info in zf.infolist():
            # ruleid: python.files.archive-member-path-traversal
            target = os.path.join(dest, info.filename)
            with open(target, "wb") as out:
                out.write(zf.read(info))


def copy_members(archive_path, dest):
    with tarfile.open(archive_path) as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            source = tar.extractfile(member)
            # ruleid: python.files.archive-member-path-traversal
            with open(os.path.join(dest, "files", member.name), "wb") as out:
                shutil.copyfileobj(source, out)


def unpack_names(zf, dest: Path):
    for name in zf.namelist():
        # ruleid: python.files.archive-member-path-traversal
        (dest / name).write_bytes(zf.read(name))


def unpack_pathlib(zf, dest):
    for info in zf.infolist():
        # ruleid: python.files.archive-member-path-traversal
        out = Path(dest, info.filename)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(zf.read(info))


def import_bundle_safe(upload, dest):
    root = os.path.realpath(dest)
    with zipfile.ZipFile(upload) as zf:
        for info in zf.infolist():
            # ok: python.files.archive-member-path-traversal
            target = os.path.realpath(os.path.join(root, info.filename))
            if os.path.commonpath([root, target]) != root:
                raise ValueError(f"unsafe member {info.filename!r}")
            with open(target, "wb") as out:
                out.write(zf.read(info))


def unpack_names_safe(zf, dest: Path):
    root = dest.resolve()
    for name in zf.namelist():
        # ok: python.files.archive-member-path-traversal
        target = (root / name).resolve()
        if not target.is_relative_to(root):
            raise ValueError(name)
        target.write_bytes(zf.read(name))


def flat_unpack(zf, dest):
    for name in zf.namelist():
        # ok: python.files.archive-member-path-traversal
        target = os.path.join(dest, os.path.basename(name))
        with open(target, "wb") as out:
            out.write(zf.read(name))


def list_contents(zf):
    # ok: python.files.archive-member-path-traversal
    return [os.path.join("bundle", info.filename) for info in zf.infolist()]
