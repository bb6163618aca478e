# taint-suite: cwe=918 vulnerable=no
# a constant condition keeps the fixed URL
import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/ping-upstream")
def ping_upstream():
    override = request.args.get("upstream", "")
    upstream = override if 0 > 1 else "https://upstream.example.org/health"
    return {"status": requests.get(upstream, timeout=3).status_code}
