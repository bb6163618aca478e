# taint-suite: cwe=89 vulnerable=no
# a dict holds the request value under one key; the query uses another
import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/search")
def search():
    opts = {"table": "articles", "term": request.args.get("q", "")}
    sql = "SELECT id FROM %s WHERE published = 1" % opts["table"]
    cur = sqlite3.connect("cms.db").cursor()
    cur.execute(sql)
    ids = [r[0] for r in cur.fetchall()]
    return {"ids": ids, "term": opts["term"]}
