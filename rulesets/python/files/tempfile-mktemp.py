import os
import tempfile
import tempfile as tmp
from tempfile import mktemp


def save_upload(data):
    # ruleid: python.files.tempfile-mktemp
    path = tempfile.mktemp(suffix=".bin")
    with open(path, "wb") as fh:
        fh.write(data)
    return path


def scratch_socket():
    # ruleid: python.files.tempfile-mktemp
    return mktemp(prefix="worker-", dir="/run/app")


def build_dir():
    # ruleid: python.files.tempfile-mktemp
    name = tmp.mktemp(
        suffix=".build",
    )
    os.mkdir(name)
    return name


def fifo_path():
    # ruleid: python.files.tempfile-mktemp
    path = tempfile.mktemp(); os.mkfifo(path)
    return path


def save_upload_safe(data):
    # ok: python.files.tempfile-mktemp
    fd, path = tempfile.mkstemp(suffix=".bin")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    return path


def build_dir_safe():
    # ok: python.files.tempfile-mktemp
    return tempfile.mkdtemp(suffix=".build")


def spooled(data):
    # ok: python.files.tempfile-mktemp
    with tempfile.NamedTemporaryFile("wb", delete=False) as fh:
        fh.write(data)
    return fh.name


class Workspace:
    def mktemp(self, name):
        return os.path.join(self.root, name)


def workspace_file(workspace):
    # ok: python.files.tempfile-mktemp
    return workspace.mktemp("notes.txt")
