import sqlite3


def get_user(conn, username):
    cur = conn.cursor()
    # ruleid: python.injection.sql-string-formatting
    cur.execute("SELECT * FROM users WHERE name = '%s'" % username)
    return cur.fetchone()


def get_orders(cursor, user_id, status):
    # ruleid: python.injection.sql-string-formatting
    cursor.execute("SELECT * FROM orders WHERE user_id = %d AND status = '%s'" % (user_id, status))
    return cursor.fetchall()


def delete_item(db, item_id):
    # ruleid: python.injection.sql-string-formatting
    db.execute("DELETE FROM items WHERE id = " + item_id)


def search(cur, term, limit):
    # ruleid: python.injection.sql-string-formatting
    cur.execute("SELECT * FROM products WHERE name LIKE '%" + term + "%' LIMIT " + str(limit))
    return cur.fetchall()


def rename_table(cur, old, new):
    # ruleid: python.injection.sql-string-formatting
    cur.execute("ALTER TABLE {} RENAME TO {}".format(old, new))


def count_rows(cur, table):
    # ruleid: python.injection.sql-string-formatting
    cur.execute(f"SELECT COUNT(*) FROM {table}")
    return cur.fetchone()[0]


def recent_events(cur, days, kind):
    # ruleid: python.injection.sql-string-formatting
    cur.execute(
        f"SELECT * FROM events WHERE kind = '{kind}' AND age < {days!r}",
        (),
    )
    return cur.fetchall()


def update_email(cur, user_id, email):
    # ruleid: python.injection.sql-string-formatting
    cur.execute("UPDATE users SET email = '{email}' WHERE id = {uid}".format(email=email, uid=user_id), {})


def get_user_safe(conn, username):
    cur = conn.cursor()
    # ok: python.injection.sql-string-formatting
    cur.execute("SELECT * FROM users WHERE name = %s", (username,))
    return cur.fetchone()


def get_user_sqlite(conn: sqlite3.Connection, username):
    # ok: python.injection.sql-string-formatting
    return conn.execute("SELECT * FROM users WHERE name = ?", (username,)).fetchone()


def list_users(cur):
    # ok: python.injection.sql-string-formatting
    cur.execute("SELECT id, name FROM users ORDER BY name")
    return cur.fetchall()


def list_admins(cur):
    # ok: python.injection.sql-string-formatting
    cur.execute(f"SELECT id, name FROM users WHERE role = 'admin'")
    return cur.fetchall()


def list_active(cur):
    # ok: python.injection.sql-string-formatting
    cur.execute("SELECT id, name FROM users " + "WHERE active = 1")
    return cur.fetchall()


def named_params(cur, user_id):
    # ok: python.injection.sql-string-formatting
    cur.execute("SELECT * FROM users WHERE id = %(id)s", {"id": user_id})


def format_message(log, user_id):
    # ok: python.injection.sql-string-formatting
    log.info("looking up user %s" % user_id)


def run_prepared(cur, query, params):
    # ok: python.injection.sql-string-formatting
    cur.execute(query, params)
