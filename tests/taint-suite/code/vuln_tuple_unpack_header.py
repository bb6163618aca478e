# taint-suite: cwe=95 vulnerable=yes
# a header split and unpacked, one part evaluated
from flask import Flask, request

app = Flask(__name__)


@app.route("/feature")
def feature():
    name, _, expr = request.headers.get("X-Feature", "x=True").partition("=")
    enabled = eval(expr)
    return {name: bool(enabled)}
