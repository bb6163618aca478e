# taint-suite: cwe=501 vulnerable=no
# the request value goes into the response, not the session
from flask import Flask, jsonify, request, session

app = Flask(__name__)


@app.route("/echo")
def echo():
    session["visits"] = session.get("visits", 0) + 1
    return jsonify(you_sent=request.args.get("q", ""), visits=session["visits"])
