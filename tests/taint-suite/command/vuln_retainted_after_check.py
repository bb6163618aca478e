# taint-suite: cwe=78 vulnerable=yes
# the value is checked, then read again from the request
import subprocess
from flask import Flask, abort, request

app = Flask(__name__)


@app.route("/lookup")
def lookup():
    host = request.args.get("host", "")
    if not host.isalnum():
        abort(400)
    host = request.args.get("host", "") + request.args.get("suffix", "")
    return subprocess.check_output("host " + host, shell=True)
