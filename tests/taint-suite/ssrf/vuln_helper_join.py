# taint-suite: cwe=918 vulnerable=yes
# a helper joins a base chosen by the user
from urllib.parse import urljoin

import requests
from flask import Flask, request

app = Flask(__name__)


def api_url(base, path):
    return urljoin(base, path)


@app.route("/mirror")
def mirror():
    base = request.args.get("base", "https://api.example.org/")
    return requests.get(api_url(base, "/v1/items"), timeout=5).text
