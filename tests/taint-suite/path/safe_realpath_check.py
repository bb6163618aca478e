# taint-suite: cwe=22 vulnerable=no
# the resolved path must stay inside the base, rejected otherwise
import os

from flask import Flask, abort, request

app = Flask(__name__)
BASE = os.path.realpath("/srv/static")


@app.route("/static-file")
def static_file():
    requested = request.args.get("p", "")
    full = os.path.realpath(os.path.join(BASE, requested))
    if not full.startswith(BASE + os.sep):
        abort(403)
    with open(full, "rb") as fh:
        return fh.read()
