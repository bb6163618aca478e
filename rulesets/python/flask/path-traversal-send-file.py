import os

import flask
from flask import Blueprint, Flask, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
files = Blueprint("files", __name__)
UPLOADS = "/srv/app/uploads"
REPORTS = "/srv/app/reports"


@app.route("/download")
def download():
    # ruleid: python.flask.path-traversal-send-file
    return send_file(os.path.join(UPLOADS, request.args["name"]))


@app.route("/export", methods=["POST"])
def export():
    name = request.form.get("report")
    path = os.path.join(REPORTS, name + ".pdf")
    # ruleid: python.flask.path-traversal-send-file
    return send_file(path, as_attachment=True)


@files.route("/avatars/<path:filename>")
def avatar(filename):
    # ruleid: python.flask.path-traversal-send-file
    return flask.send_file(UPLOADS + "/avatars/" + filename, mimetype="image/png")


@files.get("/themes/<theme>/<path:asset>")
def theme_asset(theme, asset):
    # ruleid: python.flask.path-traversal-send-file
    return send_from_directory(os.path.join("/srv/app/themes", theme), asset)


@app.route("/attachment")
def attachment():
    # ruleid: python.flask.path-traversal-send-file
    return send_file(path_or_file=request.values["path"], download_name="file.bin")


@app.route("/download-safe")
def download_safe():
    # ok: python.flask.path-traversal-send-file
    return send_from_directory(UPLOADS, request.args["name"])


@app.route("/export-safe", methods=["POST"])
def export_safe():
    name = secure_filename(request.form.get("report"))
    # ok: python.flask.path-traversal-send-file
    return send_file(os.path.join(REPORTS, name + ".pdf"), as_attachment=True)


@files.route("/avatars-safe/<path:filename>")
def avatar_safe(filename):
    # ok: python.flask.path-traversal-send-file
    return send_file(os.path.join(UPLOADS, "avatars", secure_filename(filename)))


@app.route("/terms")
def terms():
    # ok: python.flask.path-traversal-send-file
    return send_file(os.path.join(app.root_path, "static", "terms.pdf"))


def nightly_report(day):
    # ok: python.flask.path-traversal-send-file
    return send_file(os.path.join(REPORTS, day + ".pdf"))
