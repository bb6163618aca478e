import sqlite3

from django.db import connection
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

engine = create_engine("postgresql://app@localhost/app")
ORDERS_TABLE = "orders"


def get_user(conn, username):
    cur = conn.cursor()
    # ruleid: python.sql-injection.sql-string-formatting
    cur.execute("SELECT * FROM users WHERE name = '%s'" % username)
    return cur.fetchone()


def get_orders(cursor, user_id, status):
    # ruleid: python.sql-injection.sql-string-formatting
    cursor.execute("SELECT * FROM orders WHERE user_id = %d AND status = '%s'" % (user_id, status))
    return cursor.fetchall()


def delete_item(db, item_id):
    # ruleid: python.sql-injection.sql-string-formatting
    db.execute("DELETE FROM items WHERE id = " + item_id)


def search(cur, term, limit):
    # ruleid: python.sql-injection.sql-string-formatting
    cur.execute("SELECT * FROM products WHERE name LIKE '%" + term + "%' LIMIT " + str(limit))
    return cur.fetchall()


def filter_by(cur, base_query, column, value):
    # ruleid: python.sql-injection.sql-string-formatting
    cur.execute(base_query + " WHERE " + column + " = %s", (value,))
    return cur.fetchall()


def rename_table(cur, old, new):
    # ruleid: python.sql-injection.sql-string-formatting
    cur.execute("ALTER TABLE {} RENAME TO {}".format(old, new))


def count_rows(cur, table):
    # ruleid: python.sql-injection.sql-string-formatting
    cur.execute(f"SELECT COUNT(*) FROM {table}")
    return cur.fetchone()[0]


def recent_events(cur, days, kind):
    # ruleid: python.sql-injection.sql-string-formatting
    cur.execute(
        f"SELECT * FROM events WHERE kind = '{kind}' AND age < {days!r}",
        (),
    )
    return cur.fetchall()


def update_email(cur, user_id, email):
    # ruleid: python.sql-injection.sql-string-formatting
    cur.execute("UPDATE users SET email = '{email}' WHERE id = {uid}".format(email=email, uid=user_id), {})


def where_all(cur, conditions):
    # ruleid: python.sql-injection.sql-string-formatting
    cur.execute(" AND ".join(["SELECT * FROM users WHERE 1 = 1"] + conditions))
    return cur.fetchall()


def bulk_tag(conn: sqlite3.Connection, table, rows):
    # ruleid: python.sql-injection.sql-string-formatting
    conn.executemany(f"INSERT INTO {table} (name, tag) VALUES (?, ?)", rows)


def create_schema(conn: sqlite3.Connection, schema):
    # ruleid: python.sql-injection.sql-string-formatting
    conn.executescript("CREATE TABLE %s.users (id INTEGER PRIMARY KEY);" % schema)


def report(cur, region):
    query = f"SELECT region, SUM(total) FROM sales WHERE region = '{region}'"
    cur.arraysize = 100
    # ruleid: python.sql-injection.sql-string-formatting
    cur.execute(query)
    return cur.fetchall()


def purge(cur, days):
    sql = "DELETE FROM sessions WHERE age > " + str(days)
    # ruleid: python.sql-injection.sql-string-formatting
    cur.execute(sql)


def django_raw_lookup(username):
    with connection.cursor() as cursor:
        # ruleid: python.sql-injection.sql-string-formatting
        cursor.execute("SELECT id FROM auth_user WHERE username = '%s'" % username)
        return cursor.fetchone()


def sqlalchemy_session_lookup(session: Session, name):
    # ruleid: python.sql-injection.sql-string-formatting
    return session.execute("SELECT id FROM users WHERE name = '" + name + "'").all()


def sqlalchemy_engine_lookup(name):
    # ruleid: python.sql-injection.sql-string-formatting
    return engine.execute(f"SELECT id FROM users WHERE name = '{name}'").fetchall()


def get_user_safe(conn, username):
    cur = conn.cursor()
    # ok: python.sql-injection.sql-string-formatting
    cur.execute("SELECT * FROM users WHERE name = %s", (username,))
    return cur.fetchone()


def get_user_sqlite(conn: sqlite3.Connection, username):
    # ok: python.sql-injection.sql-string-formatting
    return conn.execute("SELECT * FROM users WHERE name = ?", (username,)).fetchone()


def list_users(cur):
    # ok: python.sql-injection.sql-string-formatting
    cur.execute("SELECT id, name FROM users ORDER BY name")
    return cur.fetchall()


def list_admins(cur):
    # ok: python.sql-injection.sql-string-formatting
    cur.execute(f"SELECT id, name FROM users WHERE role = 'admin'")
    return cur.fetchall()


def list_active(cur):
    # ok: python.sql-injection.sql-string-formatting
    cur.execute("SELECT id, name FROM users " + "WHERE active = 1")
    return cur.fetchall()


def list_orders(cur):
    # ok: python.sql-injection.sql-string-formatting
    cur.execute("SELECT * FROM %s WHERE shipped = 0" % ORDERS_TABLE)
    return cur.fetchall()


def named_params(cur, user_id):
    # ok: python.sql-injection.sql-string-formatting
    cur.execute("SELECT * FROM users WHERE id = %(id)s", {"id": user_id})


def django_safe_lookup(username):
    with connection.cursor() as cursor:
        # ok: python.sql-injection.sql-string-formatting
        cursor.execute("SELECT id FROM auth_user WHERE username = %s", [username])
        return cursor.fetchone()


def sqlalchemy_bound(session: Session, name):
    # ok: python.sql-injection.sql-string-formatting
    return session.execute(text("SELECT id FROM users WHERE name = :name"), {"name": name}).all()


def terminated(cur, sql):
    # ok: python.sql-injection.sql-string-formatting
    cur.execute(sql + ";")


def format_message(log, user_id):
    # ok: python.sql-injection.sql-string-formatting
    log.info("looking up user %s" % user_id)


def run_prepared(cur, query, params):
    # ok: python.sql-injection.sql-string-formatting
    cur.execute(query, params)


def reassigned(cur, name):
    query = f"SELECT * FROM users WHERE name = '{name}'"
    query = "SELECT * FROM users WHERE name = %s"
    # ok: python.sql-injection.sql-string-formatting
    cur.execute(query, (name,))
