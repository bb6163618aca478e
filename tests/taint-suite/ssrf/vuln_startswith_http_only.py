# taint-suite: cwe=918 vulnerable=yes
# only the scheme is checked
import requests
from flask import Flask, abort, request

app = Flask(__name__)


@app.route("/avatar")
def avatar():
    src = request.args.get("src", "")
    if not src.startswith(("http://", "https://")):
        abort(400)
    return requests.get(src, timeout=5).content
