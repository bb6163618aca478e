# taint-suite: cwe=22 vulnerable=no
# werkzeug secure_filename on the upload name
import os

from flask import Flask, request
from werkzeug.utils import secure_filename

app = Flask(__name__)


@app.route("/upload", methods=["POST"])
def upload():
    upload = request.files["file"]
    name = secure_filename(upload.filename)
    upload.save(os.path.join("/srv/uploads", name))
    with open(os.path.join("/srv/uploads", name + ".meta"), "w") as fh:
        fh.write("ok")
    return "stored"
