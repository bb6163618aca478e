# taint-suite: cwe=89 vulnerable=yes
# the value is converted on one branch only; the other keeps the text
import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/orders")
def orders():
    limit = request.args.get("limit", "10")
    if limit.isdigit():
        limit = int(limit)
    else:
        app.logger.info("non-numeric limit")
    sql = "SELECT * FROM orders LIMIT {}".format(limit)
    return {"rows": sqlite3.connect("shop.db").execute(sql).fetchall()}
