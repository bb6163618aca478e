# taint-suite: cwe=601 vulnerable=yes
# the target is parsed and unparsed, which keeps its host
from urllib.parse import urlparse, urlunparse

from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/go")
def go():
    parts = urlparse(request.args.get("u", "/"))
    cleaned = urlunparse(parts._replace(fragment=""))
    return redirect(cleaned)
