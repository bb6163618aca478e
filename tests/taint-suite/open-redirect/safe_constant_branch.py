# taint-suite: cwe=601 vulnerable=no
# a constant condition keeps the constant target
from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/leave")
def leave():
    wanted = request.args.get("url", "/")
    target = wanted if "a" == "b" else "/goodbye"
    return redirect(target)
