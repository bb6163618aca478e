from flask import Flask, request

app = Flask(__name__)


def by_name(cursor, name):
    query = "SELECT * FROM users WHERE name = '%s'" % name
    # ruleid: taint.sql-injection
    cursor.execute(query)


@app.route("/users/<user_id>")
def show(user_id, cursor):
    sql = f"SELECT * FROM users WHERE id = {user_id}"
    # ruleid: taint.sql-injection
    cursor.execute(sql)
    # ok: taint.sql-injection
    cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))


def search(cursor):
    term = request.args.get("q")
    by_name(cursor, term)
    # ok: taint.sql-injection
    cursor.execute("SELECT * FROM t WHERE id = %d" % int(term))
    term = "fixed"
    # ok: taint.sql-injection
    cursor.execute("SELECT * FROM t WHERE name = '%s'" % term)


def login(cursor):
    form = {"user": request.form["user"], "page": 1}
    # ruleid: taint.sql-injection
    cursor.execute("SELECT * FROM users WHERE name = '" + form["user"] + "'")
    # ok: taint.sql-injection
    cursor.execute("SELECT * FROM users LIMIT %s" % form["page"])


def debug_only(cursor):
    name = request.args.get("name")
    if 7 > 5:
        name = "admin"
    # ok: taint.sql-injection
    cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)


def built(cursor, builder):
    builder.where(request.args.get("filter"))
    # ruleid: taint.sql-injection
    cursor.execute(builder.sql())
