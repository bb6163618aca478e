# taint-suite: cwe=89 vulnerable=yes
# the request value stored in configparser and read back into the query
import configparser
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/export")
def export():
    cfg = configparser.ConfigParser()
    cfg.add_section("export")
    cfg.set("export", "table", request.args.get("table", "invoices"))
    sql = "SELECT * FROM " + cfg.get("export", "table")
    return {"rows": sqlite3.connect("app.db").execute(sql).fetchall()}
