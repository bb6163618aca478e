# taint-suite: cwe=601 vulnerable=yes
# a redirect built from the X-Forwarded-Host header
from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/canonical")
def canonical():
    host = request.headers.get("X-Forwarded-Host", "example.org")
    return redirect(f"https://{host}{request.path}", code=301)
