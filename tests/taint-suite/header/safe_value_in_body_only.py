# taint-suite: cwe=113 vulnerable=no
# the value goes into the body; the header is constant
from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/echo")
def echo():
    resp = make_response({"echo": request.args.get("q", "")})
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp
