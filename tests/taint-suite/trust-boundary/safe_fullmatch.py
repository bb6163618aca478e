# taint-suite: cwe=501 vulnerable=no
# the value must fully match a pattern, rejected otherwise
import re

from flask import Flask, abort, request, session

app = Flask(__name__)


@app.route("/color")
def color():
    color = request.args.get("c", "")
    if not re.fullmatch(r"#[0-9a-f]{6}", color):
        abort(400)
    session["color"] = color
    return "ok"
