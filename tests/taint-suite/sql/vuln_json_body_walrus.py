# taint-suite: cwe=89 vulnerable=yes
# a JSON body field taken with the walrus operator
import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/notes", methods=["POST"])
def notes():
    db = sqlite3.connect("notes.db")
    if (title := request.get_json().get("title")):
        db.execute(f"INSERT INTO notes (title) VALUES ('{title}')")
        db.commit()
    return "", 204
