# taint-suite: cwe=501 vulnerable=no
# a constant condition stores a constant
from flask import Flask, request, session

app = Flask(__name__)


@app.route("/mode")
def mode():
    wanted = request.args.get("mode", "")
    session["mode"] = wanted if 1 == 0 else "standard"
    return "ok"
