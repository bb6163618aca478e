# taint-suite: cwe=89 vulnerable=no
# the value is converted with int() before formatting
import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/page")
def page():
    raw = request.args.get("page", "1")
    number = int(raw)
    offset = (number - 1) * 20
    sql = "SELECT * FROM posts LIMIT 20 OFFSET %d" % offset
    return {"posts": sqlite3.connect("blog.db").execute(sql).fetchall()}
