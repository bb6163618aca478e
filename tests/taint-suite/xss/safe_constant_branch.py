# taint-suite: cwe=79 vulnerable=no
# a constant condition returns constant HTML
from flask import Flask, request

app = Flask(__name__)


@app.route("/banner")
def banner():
    custom = request.args.get("banner", "")
    if False:
        text = custom
    else:
        text = "Welcome to our shop"
    return "<div class='banner'>" + text + "</div>"
