"""Export helpers. Files used to go to /tmp/exports; now tempfile is used."""
import os
import shutil
import tempfile
from pathlib import Path

CACHE_DIR = os.environ.get("APP_CACHE_DIR", os.path.expanduser("~/.cache/app"))


def export(rows):
    # ruleid: python.files.hardcoded-tmp-directory
    with open("/tmp/export.csv", "w") as fh:
        fh.write("\n".join(rows))


def lock_file(name):
    # ruleid: python.files.hardcoded-tmp-directory
    return Path(f"/var/tmp/{name}.lock")


def shared_memory_segment(job_id):
    # ruleid: python.files.hardcoded-tmp-directory
    return os.path.join("/dev/shm", "jobs", str(job_id))


def scratch_dir():
    # ruleid: python.files.hardcoded-tmp-directory
    path = os.environ.get("TMPDIR", "/tmp")
    os.makedirs(path, exist_ok=True)
    return path


def upload_target(upload_id):
    # ruleid: python.files.hardcoded-tmp-directory
    return "/tmp/uploads/" + upload_id


def move_report(report):
    shutil.move(
        report,
        # ruleid: python.files.hardcoded-tmp-directory
        '/tmp/reports/'
        'latest.pdf',
    )


def nested_scratch(root, run):
    # ruleid: python.files.hardcoded-tmp-directory
    return f"{root}/tmp/run-{run}"


def export_safe(rows):
    # ok: python.files.hardcoded-tmp-directory
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as fh:
        fh.write("\n".join(rows))
    return fh.name


def cache_path(name):
    # ok: python.files.hardcoded-tmp-directory
    return os.path.join(CACHE_DIR, "tmp", name)


def tmp_prefix_check(path):
    # ok: python.files.hardcoded-tmp-directory
    return path.startswith(b"/tmp/")


def describe():
    # ok: python.files.hardcoded-tmp-directory
    return "Temporary files live in TMPDIR, not /tmp."


def not_a_tmp_dir(name):
    # ok: python.files.hardcoded-tmp-directory
    return Path("/srv/app/tmpl") / name


def documented(path):
    # ok: python.files.hardcoded-tmp-directory
    """/tmp paths are rejected by this helper."""
    return path
