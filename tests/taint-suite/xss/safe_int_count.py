# taint-suite: cwe=79 vulnerable=no
# a count converted with int()
from flask import Flask, request

app = Flask(__name__)


@app.route("/cart")
def cart():
    count = int(request.args.get("n", "0"))
    return f"<span class='cart'>{count} items</span>"
