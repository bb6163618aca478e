# taint-suite: cwe=78 vulnerable=no
# the command variable is replaced by a constant before use
import subprocess
from flask import Flask, request

app = Flask(__name__)


@app.route("/status")
def status():
    cmd = request.args.get("cmd", "uptime")
    app.logger.info("status asked with %r", cmd)
    cmd = "uptime"
    return subprocess.check_output(cmd, shell=True).decode()
