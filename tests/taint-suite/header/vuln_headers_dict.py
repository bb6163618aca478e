# taint-suite: cwe=113 vulnerable=yes
# a Response built with a headers dict holding the value
from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/cors")
def cors():
    origin = request.headers.get("Origin", "")
    return Response("{}", headers={"Access-Control-Allow-Origin": origin}, mimetype="application/json")
