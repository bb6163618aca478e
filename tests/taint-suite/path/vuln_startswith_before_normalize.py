# taint-suite: cwe=22 vulnerable=yes
# a prefix check on the raw path, which ../ still escapes
import os

from flask import Flask, abort, request

app = Flask(__name__)


@app.route("/static-file")
def static_file():
    rel = request.args.get("p", "")
    path = os.path.join("/srv/static", rel)
    if not path.startswith("/srv/static"):
        abort(403)
    with open(os.path.normpath(path), "rb") as fh:
        return fh.read()
