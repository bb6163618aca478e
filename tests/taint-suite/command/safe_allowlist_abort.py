# taint-suite: cwe=78 vulnerable=no
# the value must be one of a fixed set, rejected otherwise
import subprocess
from flask import Flask, abort, request

app = Flask(__name__)

SERVICES = ("nginx", "redis", "worker")


@app.route("/restart", methods=["POST"])
def restart():
    service = request.form["service"]
    if service not in SERVICES:
        abort(400)
    subprocess.run("systemctl restart " + service, shell=True, check=True)
    return "ok"
