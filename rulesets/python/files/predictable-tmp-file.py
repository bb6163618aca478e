import json
import logging
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

STATE_FILE = "/tmp/myapp-state.json"


def save_state(state):
    # ruleid: python.files.predictable-tmp-file
    with open("/tmp/myapp-state.json", "w") as fh:
        json.dump(state, fh)


def save_state_constant(state):
    # ruleid: python.files.predictable-tmp-file
    with open(STATE_FILE, mode="w+") as fh:
        json.dump(state, fh)


def job_log(job_id):
    # ruleid: python.files.predictable-tmp-file
    return logging.FileHandler(f"/var/tmp/job-{job_id}.log")


def cache_db(name):
    # ruleid: python.files.predictable-tmp-file
    return sqlite3.connect("/tmp/" + name + ".sqlite3")


def stage(src, run_id):
    # ruleid: python.files.predictable-tmp-file
    shutil.copy(src, os.path.join("/tmp", "stage", str(run_id)))


def marker(pid):
    # ruleid: python.files.predictable-tmp-file
    Path("/dev/shm/worker-%d.ready" % pid).touch()


def pid_file():
    # ruleid: python.files.predictable-tmp-file
    fd = os.open("/tmp/myapp.pid", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, str(os.getpid()).encode())
    os.close(fd)


def save_state_safe(state):
    # ok: python.files.predictable-tmp-file
    fd, path = tempfile.mkstemp(prefix="myapp-state-", suffix=".json")
    with os.fdopen(fd, "w") as fh:
        json.dump(state, fh)
    return path


def load_state():
    # ok: python.files.predictable-tmp-file
    with open(STATE_FILE) as fh:
        return json.load(fh)


def scratch():
    with tempfile.TemporaryDirectory() as tmp:
        # ok: python.files.predictable-tmp-file
        with open(os.path.join(tmp, "out.txt"), "w") as fh:
            fh.write("x")


def data_file(root):
    # ok: python.files.predictable-tmp-file
    with open(os.path.join(root, "tmp", "out.txt"), "w") as fh:
        fh.write("x")
