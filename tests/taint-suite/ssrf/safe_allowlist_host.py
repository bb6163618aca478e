# taint-suite: cwe=918 vulnerable=no
# the parsed host must be in an allow-list
from urllib.parse import urlparse

import requests
from flask import Flask, abort, request

app = Flask(__name__)
ALLOWED = {"images.example.org", "cdn.example.org"}


@app.route("/preview")
def preview():
    url = request.args.get("url", "")
    if urlparse(url).hostname not in ALLOWED:
        abort(400)
    return requests.get(url, timeout=5).content
