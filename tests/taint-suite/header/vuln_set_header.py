# taint-suite: cwe=113 vulnerable=yes
# headers.set with a cookie value
from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/lang")
def lang():
    resp = make_response("ok")
    resp.headers.set("Content-Language", request.cookies.get("lang", "en"))
    return resp
