import os
import shutil
import sys
from pathlib import Path

from django.http import FileResponse, HttpResponseBadRequest
from fastapi import FastAPI
from flask import Flask, abort, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
api = FastAPI()
UPLOADS = "/srv/uploads"
BASE = os.path.realpath("/srv/static")


@app.route("/download")
def download():
    path = os.path.join(UPLOADS, request.args.get("name", ""))
    # ruleid: python.taint.path-traversal
    return send_file(path)


@app.route("/download-basename")
def download_basename():
    name = os.path.basename(request.args.get("name", ""))
    # ok: python.taint.path-traversal
    return send_file(os.path.join(UPLOADS, name))


@app.route("/download-dir")
def download_dir():
    # ok: python.taint.path-traversal
    return send_from_directory(UPLOADS, request.args.get("name", ""))


@app.route("/docs/<path:page>")
def docs(page):
    # ruleid: python.taint.path-traversal
    with open("docs/" + page + ".md") as fh:
        return fh.read()


@api.get("/reports/{name}")
def report(name: str):
    target = Path("/srv/reports") / name
    # ruleid: python.taint.path-traversal
    return {"body": target.read_text()}


@app.route("/static-file")
def static_file():
    full = os.path.realpath(os.path.join(BASE, request.args.get("p", "")))
    if not full.startswith(BASE + os.sep):
        abort(403)
    # ok: python.taint.path-traversal
    with open(full, "rb") as fh:
        return fh.read()


def note(request):
    name = request.GET.get("name", "")
    if ".." in name or name.startswith("/"):
        return HttpResponseBadRequest()
    # ok: python.taint.path-traversal
    return FileResponse(open("/srv/notes/" + name, "rb"))


def attachment(request, name):
    # ruleid: python.taint.path-traversal
    return FileResponse(open("/srv/attachments/" + name.strip(), "rb"))


@app.route("/upload", methods=["POST"])
def upload():
    name = secure_filename(request.files["file"].filename)
    # ok: python.taint.path-traversal
    with open(os.path.join(UPLOADS, name), "wb") as fh:
        fh.write(request.files["file"].read())
    return "stored"


@app.route("/duplicate", methods=["POST"])
def duplicate():
    # ruleid: python.taint.path-traversal
    shutil.copy(request.get_json()["source"], "/srv/exports/")
    return "", 202


@app.route("/theme")
def theme():
    cleaned = request.args.get("theme", "default").replace("../", "")
    # ruleid: python.taint.path-traversal
    with open("themes/%s.css" % cleaned) as fh:
        return fh.read()


def main():
    folder = sys.argv[1]
    # ruleid: python.taint.path-traversal
    for entry in os.listdir(folder + "/logs"):
        print(entry)


@api.get("/invoices/{invoice_id}")
def invoice(invoice_id: str):
    # ok: python.taint.path-traversal
    with open(f"/srv/invoices/{int(invoice_id):08d}.pdf", "rb") as fh:
        return {"size": len(fh.read())}
