# taint-suite: cwe=117 vulnerable=no
# the value is JSON-encoded before logging
import json
import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/event", methods=["POST"])
def event():
    name = request.form.get("name", "")
    log.info("event %s", json.dumps(name))
    return "ok"
