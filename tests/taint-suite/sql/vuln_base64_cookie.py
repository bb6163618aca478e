# taint-suite: cwe=89 vulnerable=yes
# a base64-encoded cookie decoded and put in the query
import base64
import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/prefs")
def prefs():
    raw = request.cookies.get("prefs", "")
    theme = base64.b64decode(raw).decode("utf-8")
    conn = sqlite3.connect("app.db")
    conn.execute("UPDATE prefs SET theme = '%s' WHERE uid = 1" % (theme,))
    conn.commit()
    return "ok"
