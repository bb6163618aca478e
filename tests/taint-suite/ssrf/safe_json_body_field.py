# taint-suite: cwe=918 vulnerable=no
# the value goes into the JSON body of a request to a fixed URL
import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/subscribe", methods=["POST"])
def subscribe():
    email = request.form["email"]
    requests.post("https://lists.example.org/api/subscribe", json={"email": email}, timeout=5)
    return "ok"
