# taint-suite: cwe=918 vulnerable=no
# the value is URL-quoted into the path of a fixed host
from urllib.parse import quote

import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/wiki")
def wiki():
    title = quote(request.args.get("title", ""), safe="")
    return requests.get("https://en.wikipedia.org/wiki/" + title, timeout=5).text
