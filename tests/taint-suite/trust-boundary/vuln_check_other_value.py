# taint-suite: cwe=501 vulnerable=yes
# the role is checked, but the team is stored unchecked
from flask import Flask, abort, request, session

app = Flask(__name__)


@app.route("/join", methods=["POST"])
def join():
    role = request.form["role"]
    team = request.form["team"]
    if role not in ("viewer", "editor"):
        abort(400)
    session["team"] = team
    return "joined"
