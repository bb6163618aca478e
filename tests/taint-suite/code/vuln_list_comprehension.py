# taint-suite: cwe=95 vulnerable=yes
# a list comprehension maps request values to code fragments
from flask import Flask, request

app = Flask(__name__)


@app.route("/sum")
def total():
    fields = request.args.getlist("field")
    terms = [f"row['{name}']" for name in fields]
    row = {"a": 1, "b": 2}
    return str(eval(" + ".join(terms) or "0", {"row": row}))
