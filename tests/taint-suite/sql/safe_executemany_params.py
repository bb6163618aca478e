# taint-suite: cwe=89 vulnerable=no
# executemany with rows built from the request as parameters
import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/tags", methods=["POST"])
def add_tags():
    names = request.get_json()["tags"]
    rows = [(n.strip().lower(),) for n in names]
    db = sqlite3.connect("tags.db")
    db.executemany("INSERT INTO tags (name) VALUES (?)", rows)
    db.commit()
    return "", 201
