# taint-suite: cwe=89 vulnerable=yes
# a route parameter, sliced and lowered, in a LIKE clause
import sqlite3
from flask import Flask

app = Flask(__name__)


@app.route("/tags/<prefix>")
def tags(prefix):
    short = prefix[:20].lower().strip()
    db = sqlite3.connect("tags.db")
    cur = db.cursor()
    cur.execute("SELECT name FROM tags WHERE name LIKE '" + short + "%'")
    return {"tags": [r[0] for r in cur.fetchall()]}
