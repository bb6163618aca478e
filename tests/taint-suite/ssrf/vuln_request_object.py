# taint-suite: cwe=918 vulnerable=yes
# a urllib Request object built from form data
import urllib.request

from flask import Flask, request

app = Flask(__name__)


@app.route("/proxy", methods=["POST"])
def proxy():
    req = urllib.request.Request(request.form["url"], headers={"User-Agent": "proxy"})
    return urllib.request.urlopen(req, timeout=5).read()
