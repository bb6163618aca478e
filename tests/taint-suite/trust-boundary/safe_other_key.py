# taint-suite: cwe=501 vulnerable=no
# the session gets the constant entry of a dict that also holds request data
from flask import Flask, request, session

app = Flask(__name__)


@app.route("/visit")
def visit():
    info = {"plan": "free", "utm": request.args.get("utm_source", "")}
    session["plan"] = info["plan"]
    return {"utm": info["utm"]}
