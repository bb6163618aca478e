# taint-suite: cwe=89 vulnerable=yes
# filters collected in a dict, joined into the query
import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/products")
def products():
    filters = {}
    for key in ("color", "size"):
        if key in request.args:
            filters[key] = request.args[key]
    where = " AND ".join(f"{k} = '{v}'" for k, v in filters.items())
    sql = "SELECT * FROM products"
    if where:
        sql += " WHERE " + where
    return {"rows": sqlite3.connect("shop.db").execute(sql).fetchall()}
