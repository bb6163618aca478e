# taint-suite: cwe=22 vulnerable=no
# the request picks a key of a constant mapping of files
from flask import Flask, abort, request

app = Flask(__name__)

LEGAL = {"terms": "legal/terms.html", "privacy": "legal/privacy.html"}


@app.route("/legal")
def legal():
    doc = request.args.get("doc", "terms")
    if doc not in LEGAL:
        abort(404)
    with open(LEGAL[doc]) as fh:
        return fh.read()
