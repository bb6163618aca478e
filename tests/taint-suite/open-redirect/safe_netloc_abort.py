# taint-suite: cwe=601 vulnerable=no
# a target with a host part is rejected
from urllib.parse import urlsplit

from flask import Flask, abort, redirect, request

app = Flask(__name__)


@app.route("/back")
def back():
    target = request.args.get("to", "/")
    parts = urlsplit(target)
    if urlsplit(target).netloc or urlsplit(target).scheme or target.startswith("//"):
        abort(400)
    return redirect(target)
