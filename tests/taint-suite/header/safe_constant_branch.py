# taint-suite: cwe=113 vulnerable=no
# a constant condition keeps the constant header
from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/frame")
def frame():
    wanted = request.args.get("frame", "")
    policy = wanted if not True else "DENY"
    resp = make_response("ok")
    resp.headers["X-Frame-Options"] = policy
    return resp
