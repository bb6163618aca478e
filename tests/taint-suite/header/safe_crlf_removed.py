# taint-suite: cwe=113 vulnerable=no
# CR and LF are removed from the value
from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/tagged")
def tagged():
    value = request.args.get("tag", "")
    value = value.replace("\r", "").replace("\n", "")
    resp = make_response("ok")
    resp.headers["X-Request-Tag"] = value
    return resp
