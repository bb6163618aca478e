# taint-suite: cwe=89 vulnerable=no
# the variable is overwritten by a constant before the query
import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/stats")
def stats():
    table = request.args.get("table", "visits")
    app.logger.debug("stats requested")
    table = "visits"
    return {"n": sqlite3.connect("app.db").execute("SELECT count(*) FROM " + table).fetchone()}
