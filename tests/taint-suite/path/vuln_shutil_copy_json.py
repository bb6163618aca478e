# taint-suite: cwe=22 vulnerable=yes
# a JSON field as the source of a copy
import shutil

from flask import Flask, request

app = Flask(__name__)


@app.route("/duplicate", methods=["POST"])
def duplicate():
    payload = request.get_json()
    src = payload["source"]
    shutil.copy(src, "/srv/exports/")
    return "", 202
