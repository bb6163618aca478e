# taint-suite: cwe=79 vulnerable=yes
# make_response with concatenated HTML
from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/search")
def search():
    q = request.args.get("q", "")
    body = "<p>No results for " + q + "</p>"
    resp = make_response(body, 404)
    return resp
