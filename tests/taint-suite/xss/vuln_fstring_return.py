# taint-suite: cwe=79 vulnerable=yes
# a Flask view returns an f-string of HTML with the name
from flask import Flask, request

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "world")
    greeting = f"<h1>Hello {name}!</h1>"
    return greeting
