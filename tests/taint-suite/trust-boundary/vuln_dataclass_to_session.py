# taint-suite: cwe=501 vulnerable=yes
# a dataclass built from the form, its field stored in the session
from dataclasses import dataclass

from flask import Flask, request, session

app = Flask(__name__)


@dataclass
class Prefs:
    plan: str
    theme: str = "light"


@app.route("/prefs", methods=["POST"])
def prefs():
    p = Prefs(plan=request.form["plan"])
    session["plan"] = p.plan
    return "ok"
