# taint-suite: cwe=79 vulnerable=no
# a JSON response with the value
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/api/echo")
def api_echo():
    return jsonify(message=request.args.get("msg", ""))
