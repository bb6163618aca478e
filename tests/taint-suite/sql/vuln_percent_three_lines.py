# taint-suite: cwe=89 vulnerable=yes
# value read, formatted and executed on three lines
import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/users")
def users():
    name = request.args.get("name", "")
    query = "SELECT id, email FROM users WHERE name = '%s'" % name
    conn = sqlite3.connect("app.db")
    rows = conn.execute(query).fetchall()
    return {"users": rows}
