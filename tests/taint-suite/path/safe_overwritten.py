# taint-suite: cwe=22 vulnerable=no
# the path is overwritten before use
from flask import Flask, request

app = Flask(__name__)


@app.route("/motd")
def motd():
    path = request.args.get("path", "")
    if path:
        app.logger.warning("ignoring path parameter %r", path)
    path = "/etc/motd"
    with open(path) as fh:
        return fh.read()
