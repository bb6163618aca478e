# taint-suite: cwe=501 vulnerable=no
# the role must be in an allow-list
from flask import Flask, abort, request, session

app = Flask(__name__)
SELF_SERVICE = {"viewer", "editor"}


@app.route("/profile", methods=["POST"])
def profile():
    role = request.form.get("role", "viewer")
    if role not in SELF_SERVICE:
        abort(403)
    session["role"] = role
    return "saved"
