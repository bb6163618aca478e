# taint-suite: cwe=78 vulnerable=no
# a match statement maps the request to constant commands
import subprocess
from flask import Flask, abort, request

app = Flask(__name__)


@app.route("/diag")
def diag():
    match request.args.get("what", ""):
        case "disk":
            cmd = "df -h"
        case "memory":
            cmd = "free -m"
        case _:
            abort(400)
    return subprocess.check_output(cmd, shell=True).decode()
