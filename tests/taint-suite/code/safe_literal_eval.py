# taint-suite: cwe=95 vulnerable=no
# ast.literal_eval parses data, not code
import ast

from flask import Flask, request

app = Flask(__name__)


@app.route("/calc")
def calc():
    expr = request.args.get("value", "0")
    return str(ast.literal_eval(expr))
