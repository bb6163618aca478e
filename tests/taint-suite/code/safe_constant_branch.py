# taint-suite: cwe=95 vulnerable=no
# a constant condition keeps the constant expression
from flask import Flask, request

app = Flask(__name__)


@app.route("/calc")
def calc():
    user_expr = request.args.get("expr", "1+1")
    if 3 < 2:
        expr = user_expr
    else:
        expr = "2 * 21"
    return str(eval(expr))
