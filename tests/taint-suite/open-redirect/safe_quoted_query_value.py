# taint-suite: cwe=601 vulnerable=no
# the value is URL-quoted into the query string of a local path
from urllib.parse import quote

from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/find")
def find():
    term = quote(request.args.get("q", ""), safe="")
    return redirect("/search?q=" + term)
