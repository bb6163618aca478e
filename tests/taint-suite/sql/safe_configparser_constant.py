# taint-suite: cwe=89 vulnerable=no
# configparser holds a constant table name; the request only fills another option
import configparser
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/export")
def export():
    cfg = configparser.ConfigParser()
    cfg["export"] = {"table": "invoices"}
    cfg.set("export", "label", request.args.get("label", "export"))
    sql = "SELECT * FROM " + cfg.get("export", "table")
    rows = sqlite3.connect("app.db").execute(sql).fetchall()
    return {"label": cfg.get("export", "label"), "rows": rows}
