import codecs
import os
from os.path import join as path_join

from flask import Flask, abort, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOAD_DIR = "/srv/app/uploads"
TEMPLATE_DIR = "/srv/app/templates"


@app.get("/download")
def download():
    path = os.path.join(UPLOAD_DIR, request.args["name"])
    # ruleid: python.files.path-join-request-data
    return send_file(path)


@app.get("/template")
def template_source():
    name = request.args.get("template", "index.html")
    # ruleid: python.files.path-join-request-data
    with open(os.path.join(TEMPLATE_DIR, name)) as fh:
        return fh.read()


@app.post("/notes")
def save_note():
    filename = request.form["title"] + ".txt"
    target = path_join(UPLOAD_DIR, "notes", filename)
    # ruleid: python.files.path-join-request-data
    with codecs.open(target, "w", encoding="utf-8") as fh:
        fh.write(request.form["body"])
    return "", 201


@app.post("/upload")
def upload():
    upload = request.files["file"]
    # ruleid: python.files.path-join-request-data
    upload.save(open(os.path.join(UPLOAD_DIR, upload.filename), "wb"))
    return "", 201


def django_report(request):
    # ruleid: python.files.path-join-request-data
    with open(os.path.join("/srv/reports", request.GET.get("report")), "rb") as fh:
        return fh.read()


@app.get("/download-safe")
def download_safe():
    # ok: python.files.path-join-request-data
    return send_from_directory(UPLOAD_DIR, request.args["name"])


@app.post("/upload-safe")
def upload_safe():
    upload = request.files["file"]
    name = secure_filename(upload.filename)
    # ok: python.files.path-join-request-data
    upload.save(open(os.path.join(UPLOAD_DIR, name), "wb"))
    return "", 201


@app.get("/template-checked")
def template_checked():
    name = request.args.get("template", "index.html")
    full = os.path.realpath(os.path.join(TEMPLATE_DIR, name))
    if os.path.commonpath([TEMPLATE_DIR, full]) != TEMPLATE_DIR:
        abort(404)
    # ok: python.files.path-join-request-data
    with open(full) as fh:
        return fh.read()


@app.get("/avatar")
def avatar():
    user_id = int(request.args["user"])
    # ok: python.files.path-join-request-data
    return send_file(os.path.join(UPLOAD_DIR, "avatars", f"{user_id:d}.png"))


def read_config(config_dir, name):
    # ok: python.files.path-join-request-data
    with open(os.path.join(config_dir, name)) as fh:
        return fh.read()
