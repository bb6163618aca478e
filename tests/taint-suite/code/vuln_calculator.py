# taint-suite: cwe=95 vulnerable=yes
# an expression from the query string evaluated after string cleanup
from flask import Flask, request

app = Flask(__name__)


@app.route("/calc")
def calc():
    expr = request.args.get("expr", "0")
    expr = expr.replace(" ", "")
    result = eval(expr)
    return str(result)
