# taint-suite: cwe=95 vulnerable=yes
# a failed literal_eval falls back to eval
import ast

from flask import Flask, request

app = Flask(__name__)


@app.route("/value")
def value():
    text = request.args.get("v", "0")
    try:
        result = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        result = eval(text)
    return {"value": repr(result)}
