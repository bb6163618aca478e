# taint-suite: cwe=22 vulnerable=no
# a constant condition selects a fixed path
from flask import Flask, request

app = Flask(__name__)


@app.route("/log")
def log():
    requested = request.args.get("file", "")
    path = "/var/log/app.log" if 1 > 2 - 2 else requested
    with open(path) as fh:
        return fh.read()[-4000:]
