# taint-suite: cwe=78 vulnerable=no
# the value is quoted with shlex.quote
import shlex
import subprocess
from flask import Flask, request

app = Flask(__name__)


@app.route("/wc")
def wc():
    name = request.args["file"]
    safe = shlex.quote(name)
    cmd = "wc -l /srv/uploads/" + safe
    return subprocess.check_output(cmd, shell=True).decode()
