# taint-suite: cwe=501 vulnerable=no
# a checkbox stored as a bool
from flask import Flask, request, session

app = Flask(__name__)


@app.route("/consent", methods=["POST"])
def consent():
    session["newsletter"] = bool(request.form.get("newsletter"))
    return "ok"
