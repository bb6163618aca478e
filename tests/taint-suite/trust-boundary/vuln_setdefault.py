# taint-suite: cwe=501 vulnerable=yes
# session.setdefault with a cookie value
from flask import Flask, request, session

app = Flask(__name__)


@app.route("/ref")
def ref():
    session.setdefault("referrer_id", request.cookies.get("ref", ""))
    return "ok"
