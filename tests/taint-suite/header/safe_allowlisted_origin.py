# taint-suite: cwe=113 vulnerable=no
# the origin must be in an allow-list
from flask import Flask, Response, abort, request

app = Flask(__name__)
ORIGINS = {"https://app.example.org", "https://admin.example.org"}


@app.route("/cors")
def cors():
    origin = request.headers.get("Origin", "")
    if origin not in ORIGINS:
        abort(403)
    return Response("{}", headers={"Access-Control-Allow-Origin": origin})
