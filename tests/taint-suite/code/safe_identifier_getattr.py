# taint-suite: cwe=95 vulnerable=no
# the request picks an attribute name checked with isidentifier, no eval
import math

from flask import Flask, abort, request

app = Flask(__name__)


@app.route("/math/<name>")
def math_fn(name):
    if not name.isidentifier() or name.startswith("_"):
        abort(400)
    func = getattr(math, name, None)
    if not callable(func):
        abort(404)
    return str(func(float(request.args.get("x", "1"))))
