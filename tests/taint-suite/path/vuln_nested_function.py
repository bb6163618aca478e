# taint-suite: cwe=22 vulnerable=yes
# a nested function builds the path from the enclosing view's value
import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/read")
def read():
    name = request.args.get("name", "")

    def full_path(root):
        return os.path.join(root, name)

    with open(full_path("/srv/data")) as fh:
        return fh.read()
