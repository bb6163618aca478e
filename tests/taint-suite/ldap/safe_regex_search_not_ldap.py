# taint-suite: cwe=90 vulnerable=no
# re.search with the request value is a regex search, not LDAP
import re

from flask import Flask, request

app = Flask(__name__)
NAMES = ["alice", "bob", "carol"]


@app.route("/match")
def match():
    needle = re.escape(request.args.get("q", ""))
    return {"names": [n for n in NAMES if re.search(needle, n)]}
