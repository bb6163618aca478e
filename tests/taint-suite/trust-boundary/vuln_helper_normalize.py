# taint-suite: cwe=501 vulnerable=yes
# a helper only lowercases the e-mail before it is trusted
from flask import Flask, request, session

app = Flask(__name__)


def normalize(email):
    return email.strip().lower()


@app.route("/verify", methods=["POST"])
def verify():
    session["verified_email"] = normalize(request.form["email"])
    return "verified"
