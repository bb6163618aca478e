# taint-suite: cwe=601 vulnerable=yes
# a leading slash is added, but //evil.example still leaves the site
from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/back")
def back():
    path = request.args.get("to", "")
    return redirect("/" + path.lstrip(" "))
