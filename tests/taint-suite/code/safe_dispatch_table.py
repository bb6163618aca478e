# taint-suite: cwe=95 vulnerable=no
# the request picks a function from a fixed table
import operator

from flask import Flask, abort, request

app = Flask(__name__)

OPERATIONS = {"add": operator.add, "sub": operator.sub, "mul": operator.mul}


@app.route("/op")
def op():
    name = request.args.get("op", "add")
    func = OPERATIONS.get(name)
    if func is None:
        abort(404)
    return str(func(int(request.args["a"]), int(request.args["b"])))
