import os
import zlib
import tempfile


def write_report(data):
    # ruleid: tmp-mktemp-then-open
    path = tempfile.mktemp(suffix=".csv")
    open(path, "w").write(data)
    return path


def dump_state(state, workdir):
    # ruleid: tmp-mktemp-then-open
    tmp_name = tempfile.mktemp(prefix="state-", dir=workdir)
    payload = repr(state)
    os.makedirs(workdir, exist_ok=True)
    open(tmp_name, "w", encoding="utf-8").write(payload)
    return tmp_name


def export_rows(rows):
    # ruleid: tmp-mktemp-then-open
    target = tempfile.mktemp()
    lines = [",".join(map(str, row)) for row in rows]
    open(target, "w").writelines(lines)
    return target


def scratch_file():
    # ruleid: tmp-mktemp-then-open
    scratch = tempfile.mktemp(".tmp")
    open(scratch, mode="wb")
    return scratch


def save_upload(upload):
    # ruleid: tmp-mktemp-then-open
    dest = tempfile.mktemp(suffix=".bin")
    with open(dest, "wb") as fh:
        fh.write(upload.read())
    return dest


def spool(chunks, compress):
    # ruleid: tmp-mktemp-then-open
    spool_path = tempfile.mktemp()
    if compress:
        chunks = [zlib.compress(c) for c in chunks]
    fh = open(spool_path, "ab")
    fh.writelines(chunks)
    fh.close()
    return spool_path


def write_report_safe(data):
    # ok: tmp-mktemp-then-open
    fd, path = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(fd, "w") as fh:
        fh.write(data)
    return path


def reversed_order(data):
    path = "/var/tmp/report.csv"
    open(path, "w").write(data)
    # ok: tmp-mktemp-then-open
    path = tempfile.mktemp()
    return path


def other_variable(data, log_path):
    # ok: tmp-mktemp-then-open
    path = tempfile.mktemp()
    open(log_path, "a").write(data)
    return path


def named_temp(data):
    # ok: tmp-mktemp-then-open
    fh = tempfile.NamedTemporaryFile("w", delete=False)
    fh.write(data)
    return fh.name


def only_name():
    # ok: tmp-mktemp-then-open
    name = tempfile.mktemp()
    return os.path.basename(name)


def make_name():
    # ok: tmp-mktemp-then-open
    candidate = tempfile.mktemp()
    return candidate


def use_name(candidate):
    # ok: tmp-mktemp-then-open
    return open(candidate, "w")
