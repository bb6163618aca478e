# taint-suite: cwe=95 vulnerable=no
# values converted with int() before building the expression
from flask import Flask, request

app = Flask(__name__)


@app.route("/area")
def area():
    width = int(request.args.get("w", "1"))
    height = int(request.args.get("h", "1"))
    return str(eval(f"{width} * {height}"))
