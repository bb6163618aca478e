# taint-suite: cwe=78 vulnerable=no
# the value must fully match a strict pattern before use
import re
import subprocess
from flask import Flask, abort, request

app = Flask(__name__)


@app.route("/whois")
def whois():
    domain = request.args.get("domain", "")
    if not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", domain):
        abort(400)
    return subprocess.check_output("whois " + domain, shell=True).decode()
