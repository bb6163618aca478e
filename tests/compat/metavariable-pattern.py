import flask
from flask import request as incoming


def user_by_id(cur, request):
    # ruleid: compat-metavariable-pattern
    cur.execute("SELECT * FROM users WHERE id = " + request.args["id"])


def search(db, request):
    # ruleid: compat-metavariable-pattern
    db.execute(f"SELECT * FROM posts WHERE title LIKE '%{request.form.get('q')}%'")


def by_json(cur, request):
    # ruleid: compat-metavariable-pattern
    cur.execute("SELECT * FROM t WHERE k = '%s'" % request.json["k"])


def sort_posts(cur):
    # flask.request.$SRC matches an aliased `from flask import request`.
    # ruleid: compat-metavariable-pattern
    cur.execute("SELECT * FROM posts ORDER BY " + incoming.args["sort"])


def report(cur, request):
    # The finding covers the whole call, over all its lines.
    # ruleid: compat-metavariable-pattern
    cur.execute(
        "SELECT * FROM reports WHERE owner = '"
        + request.headers["X-User"]
        + "'"
    )


def page(cur, request):
    # pattern-not removes the inner match request.args.get("page"), but
    # request.args inside it still matches request.$SRC.
    # ruleid: compat-metavariable-pattern
    cur.execute("SELECT * FROM posts LIMIT 10 OFFSET " + request.args.get("page"))


def user_by_id_bound(cur, request):
    # ok: compat-metavariable-pattern
    cur.execute("SELECT * FROM users WHERE id = %s", (request.args["id"],))


def by_session(cur, request):
    # ok: compat-metavariable-pattern
    cur.execute("SELECT * FROM sessions WHERE sid = '" + request.cookies["sid"] + "'")


def via_variable(cur, request):
    query = "SELECT * FROM users WHERE id = " + request.args["id"]
    # metavariable-pattern looks at the bound expression only.
    # ok: compat-metavariable-pattern
    cur.execute(query)


def other_object(cur, req):
    # ok: compat-metavariable-pattern
    cur.execute("SELECT * FROM users WHERE id = " + req.args["id"])
