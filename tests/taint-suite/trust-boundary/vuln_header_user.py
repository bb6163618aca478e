# taint-suite: cwe=501 vulnerable=yes
# a header value becomes the session user
from flask import Flask, request, session

app = Flask(__name__)


@app.route("/sso")
def sso():
    user = request.headers.get("X-Remote-User")
    if user:
        session["user"] = user
    return "ok"
