# taint-suite: cwe=89 vulnerable=no
# a constant condition: only the constant branch runs
import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/items")
def items():
    param = request.args.get("sort", "")
    if 7 * 6 > 40:
        column = "created"
    else:
        column = param
    rows = sqlite3.connect("app.db").execute("SELECT * FROM items ORDER BY " + column)
    return {"items": rows.fetchall()}
