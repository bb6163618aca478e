# taint-suite: cwe=117 vulnerable=no
# the value is logged with %r (repr escapes newlines)
import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/login", methods=["POST"])
def login():
    user = request.form.get("user", "")
    log.warning("failed login for %s", repr(user))
    return "denied", 403
