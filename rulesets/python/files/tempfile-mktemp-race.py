import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from tempfile import mktemp as make_temp_name


def render(report):
    path = tempfile.mktemp(suffix=".pdf")
    # ruleid: python.files.tempfile-mktemp-race
    with open(path, "wb") as fh:
        fh.write(report.to_pdf())
    return path


def build_dir(sources):
    workdir = make_temp_name(prefix="build-")
    if sources:
        # ruleid: python.files.tempfile-mktemp-race
        os.makedirs(workdir)
    return workdir


def snapshot(db_path):
    copy = tempfile.mktemp(suffix=".sqlite3")
    # ruleid: python.files.tempfile-mktemp-race
    shutil.copyfile(db_path, copy)
    return copy


def cache_db():
    path = tempfile.mktemp()
    # ruleid: python.files.tempfile-mktemp-race
    return sqlite3.connect(path)


def write_marker(text):
    marker = tempfile.mktemp(".marker")
    # ruleid: python.files.tempfile-mktemp-race
    Path(marker).write_text(text)
    return marker


def low_level(data):
    name = tempfile.mktemp()
    # ruleid: python.files.tempfile-mktemp-race
    fd = os.open(name, os.O_WRONLY | os.O_CREAT)
    os.write(fd, data)
    os.close(fd)


def render_safe(report):
    # ok: python.files.tempfile-mktemp-race
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as fh:
        fh.write(report.to_pdf())
    return fh.name


def name_only():
    name = tempfile.mktemp()
    # ok: python.files.tempfile-mktemp-race
    return os.path.basename(name)


def replaced(config):
    path = tempfile.mktemp()
    path = config.output_path
    # ok: python.files.tempfile-mktemp-race
    with open(path, "w") as fh:
        fh.write("done")


def other_file(log_path):
    path = tempfile.mktemp()
    # ok: python.files.tempfile-mktemp-race
    with open(log_path, "a") as fh:
        fh.write(path)


def atomic_dir():
    workdir = tempfile.mkdtemp()
    # ok: python.files.tempfile-mktemp-race
    with open(os.path.join(workdir, "out.txt"), "w") as fh:
        fh.write("x")
