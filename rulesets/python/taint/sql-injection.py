import sqlite3
import sys

from django.db import connection
from django.http import JsonResponse
from fastapi import FastAPI
from flask import Flask, abort, request
from sqlalchemy import text

app = Flask(__name__)
api = FastAPI()
db = sqlite3.connect("app.db")


@app.route("/users")
def users():
    name = request.args.get("name", "")
    query = "SELECT * FROM users WHERE name = '%s'" % name
    # ruleid: python.taint.sql-injection
    return {"rows": db.execute(query).fetchall()}


@app.route("/users/params")
def users_params():
    name = request.args.get("name", "")
    # ok: python.taint.sql-injection
    return {"rows": db.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchall()}


def where_clause(column, value):
    return f"WHERE {column} = '{value}'"


def search(request):
    clause = where_clause("title", request.GET["q"])
    with connection.cursor() as cursor:
        # ruleid: python.taint.sql-injection
        cursor.execute("SELECT id FROM books " + clause)
        return JsonResponse({"ids": cursor.fetchall()})


@app.route("/tags/<prefix>")
def tags(prefix):
    parts = ["SELECT name FROM tags"]
    parts.append("WHERE name LIKE '" + prefix.lower() + "%'")
    # ruleid: python.taint.sql-injection
    return {"tags": db.execute(" ".join(parts)).fetchall()}


@api.get("/report")
def report(region: str):
    # ruleid: python.taint.sql-injection
    return {"total": db.execute(text("SELECT sum(total) FROM sales WHERE region = '%s'" % region))}


@app.route("/page")
def page():
    offset = int(request.args.get("page", "1")) * 20
    # ok: python.taint.sql-injection
    return {"rows": db.execute("SELECT * FROM posts LIMIT 20 OFFSET %d" % offset).fetchall()}


SORTABLE = {"name", "price"}


@app.route("/products")
def products():
    column = request.args.get("sort", "name")
    if column not in SORTABLE:
        abort(400)
    # ok: python.taint.sql-injection
    return {"rows": db.execute(f"SELECT * FROM products ORDER BY {column}").fetchall()}


@app.route("/stats")
def stats():
    table = request.args.get("table", "visits")
    table = "visits"
    # ok: python.taint.sql-injection
    return {"n": db.execute("SELECT count(*) FROM " + table).fetchone()}


@app.route("/search")
def search_articles():
    opts = {"table": "articles", "term": request.args.get("q", "")}
    # ok: python.taint.sql-injection
    return {"rows": db.execute("SELECT id FROM %s" % opts["table"]).fetchall(), "term": opts["term"]}


@app.route("/items")
def items():
    wanted = request.args.get("sort", "")
    if 7 > 5:
        column = "created"
    else:
        column = wanted
    # ok: python.taint.sql-injection
    return {"rows": db.execute("SELECT * FROM items ORDER BY " + column).fetchall()}


def main():
    _, table = sys.argv[:2]
    # ruleid: python.taint.sql-injection
    db.executescript("DELETE FROM {}".format(table))
