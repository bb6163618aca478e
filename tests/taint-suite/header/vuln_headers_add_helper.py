# taint-suite: cwe=113 vulnerable=yes
# a helper adds a header to the response
from flask import Flask, make_response, request

app = Flask(__name__)


def tag(resp, value):
    resp.headers.add("X-Request-Tag", value)
    return resp


@app.route("/tagged")
def tagged():
    return tag(make_response("ok"), request.args.get("tag", ""))
