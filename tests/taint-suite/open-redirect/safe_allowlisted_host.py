# taint-suite: cwe=601 vulnerable=no
# the target's host must be in an allow-list
from urllib.parse import urlparse

from flask import Flask, abort, redirect, request

app = Flask(__name__)
TRUSTED = {"example.org", "docs.example.org"}


@app.route("/external")
def external():
    url = request.args.get("url", "")
    if urlparse(url).hostname not in TRUSTED:
        abort(400)
    return redirect(url)
