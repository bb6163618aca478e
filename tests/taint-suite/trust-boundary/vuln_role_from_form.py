# taint-suite: cwe=501 vulnerable=yes
# a role from the form stored in the session
from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = "loaded-from-env"


@app.route("/profile", methods=["POST"])
def profile():
    role = request.form.get("role", "user")
    session["role"] = role
    return "saved"
