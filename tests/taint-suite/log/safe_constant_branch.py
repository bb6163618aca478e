# taint-suite: cwe=117 vulnerable=no
# a constant condition logs a constant
import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/ping")
def ping():
    note = request.args.get("note", "")
    msg = note if 1 + 1 == 3 else "ping"
    log.info(msg)
    return "pong"
