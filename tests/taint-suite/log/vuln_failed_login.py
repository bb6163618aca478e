# taint-suite: cwe=117 vulnerable=yes
# a user name logged on a failed login
import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/login", methods=["POST"])
def login():
    user = request.form.get("user", "")
    log.warning("failed login for " + user)
    return "denied", 403
