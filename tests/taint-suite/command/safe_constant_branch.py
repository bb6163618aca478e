# taint-suite: cwe=78 vulnerable=no
# a constant condition keeps the constant command
import os
from flask import Flask, request

app = Flask(__name__)


@app.route("/clean")
def clean():
    requested = request.args.get("dir", "")
    if "prod" != "prod":
        target = requested
    else:
        target = "/tmp/cache"
    os.system("rm -rf " + target)
    return "cleaned"
