# taint-suite: cwe=601 vulnerable=no
# the redirect goes to an internal route built with url_for
from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    user = request.form.get("user", "")
    return redirect(url_for("dashboard", user=user))


@app.route("/dashboard")
def dashboard():
    return "ok"
