# taint-suite: cwe=601 vulnerable=yes
# the next parameter read on one line, redirected on another
from flask import Flask, redirect, request
from flask_login import login_user

from myapp.auth import check_credentials

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    login_user(check_credentials(request.form))
    target = request.args.get("next", "/")
    return redirect(target)
