# taint-suite: cwe=22 vulnerable=no
# an object keeps the request value in one attribute and opens another
from flask import Flask, request

app = Flask(__name__)


class Export:
    def __init__(self, title):
        self.title = title
        self.path = "/srv/exports/latest.csv"

    def body(self):
        with open(self.path) as fh:
            return self.title + "\n" + fh.read()


@app.route("/export")
def export():
    return Export(request.args.get("title", "")).body(), 200, {"Content-Type": "text/plain"}
