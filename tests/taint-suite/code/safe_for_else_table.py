# taint-suite: cwe=95 vulnerable=no
# a loop finds the operation in a constant list, the request only selects
from flask import Flask, abort, request

app = Flask(__name__)

FORMULAS = [("double", "x * 2"), ("square", "x ** 2")]


@app.route("/apply")
def apply():
    wanted = request.args.get("f", "double")
    for name, formula in FORMULAS:
        if name == wanted:
            break
    else:
        abort(404)
    return {"result": eval(formula, {"x": 21})}
