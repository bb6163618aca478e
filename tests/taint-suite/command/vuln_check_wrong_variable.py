# taint-suite: cwe=78 vulnerable=yes
# a check on a different variable than the one executed
import subprocess
from flask import Flask, abort, request

app = Flask(__name__)


@app.route("/dig")
def dig():
    record = request.args.get("type", "A")
    domain = request.args.get("domain", "")
    if record not in ("A", "MX", "TXT"):
        abort(400)
    return subprocess.check_output(f"dig {record} {domain}", shell=True)
