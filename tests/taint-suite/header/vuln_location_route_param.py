# taint-suite: cwe=113 vulnerable=yes
# a route parameter in a Location header
from flask import Flask, make_response

app = Flask(__name__)


@app.route("/moved/<path:rest>")
def moved(rest):
    resp = make_response("", 301)
    resp.headers["Location"] = "/new/" + rest
    return resp
