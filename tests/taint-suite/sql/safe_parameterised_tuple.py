# taint-suite: cwe=89 vulnerable=no
# the value is passed as a query parameter
import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/users")
def users():
    name = request.args.get("name", "")
    query = "SELECT id, email FROM users WHERE name = ?"
    conn = sqlite3.connect("app.db")
    return {"users": conn.execute(query, (name,)).fetchall()}
