# taint-suite: cwe=89 vulnerable=no
# the column is checked against an allow-list, rejected otherwise
import sqlite3
from flask import Flask, abort, request

app = Flask(__name__)

SORTABLE = {"name", "price", "created"}


@app.route("/products")
def products():
    column = request.args.get("sort", "name")
    if column not in SORTABLE:
        abort(400)
    sql = f"SELECT * FROM products ORDER BY {column}"
    return {"rows": sqlite3.connect("shop.db").execute(sql).fetchall()}
