import io
import os
import zipfile
from zipfile import ZipFile

from flask import Flask, abort, request

app = Flask(__name__)
IMPORT_DIR = "/srv/app/imports"
MAX_FILES = 1000
MAX_BYTES = 100 * 2**20


@app.post("/import")
def import_bundle():
    with zipfile.ZipFile(request.files["bundle"]) as zf:
        # ruleid: python.files.zipfile-extractall-untrusted
        zf.extractall(IMPORT_DIR)
    return "", 204


@app.post("/themes")
def upload_theme():
    upload = request.files.get("theme")
    if upload is None:
        abort(400)
    archive = ZipFile(upload)
    # ruleid: python.files.zipfile-extractall-untrusted
    archive.extractall(os.path.join(IMPORT_DIR, "themes"))
    archive.close()
    return "", 204


@app.post("/raw")
def upload_raw():
    # ruleid: python.files.zipfile-extractall-untrusted
    zipfile.ZipFile(io.BytesIO(request.data)).extractall(IMPORT_DIR)
    return "", 204


def django_upload(request):
    with ZipFile(request.FILES["archive"]) as zf:
        # ruleid: python.files.zipfile-extractall-untrusted
        zf.extractall(
            IMPORT_DIR,
        )


@app.post("/import-checked")
def import_bundle_checked():
    with zipfile.ZipFile(request.files["bundle"]) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_FILES or sum(i.file_size for i in infos) > MAX_BYTES:
            abort(413)
        # ok: python.files.zipfile-extractall-untrusted
        zf.extractall(IMPORT_DIR)
    return "", 204


@app.post("/import-selected")
def import_selected():
    with zipfile.ZipFile(request.files["bundle"]) as zf:
        wanted = [n for n in zf.namelist() if n.endswith(".csv")]
        # ok: python.files.zipfile-extractall-untrusted
        zf.extractall(IMPORT_DIR, members=wanted[:MAX_FILES])
    return "", 204


def unpack_release(path, dest):
    with zipfile.ZipFile(path) as zf:
        # ok: python.files.zipfile-extractall-untrusted
        zf.extractall(dest)
