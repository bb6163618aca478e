# taint-suite: cwe=89 vulnerable=yes
# a condition that depends on the request: both branches live
import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/items")
def items():
    order = request.args.get("order", "")
    if order == "":
        column = "created"
    else:
        column = order
    rows = sqlite3.connect("app.db").execute("SELECT * FROM items ORDER BY " + column)
    return {"items": rows.fetchall()}
