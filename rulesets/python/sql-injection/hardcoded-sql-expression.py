import logging
import sqlite3

log = logging.getLogger(__name__)

USERS_TABLE = "users"


def find_user(conn: sqlite3.Connection, username):
    cur = conn.cursor()
    # ruleid: python.sql-injection.hardcoded-sql-expression
    cur.execute("SELECT id, email FROM users WHERE name = '%s'" % username)
    return cur.fetchone()


def find_orders(cur, user_id, status):
    # ruleid: python.sql-injection.hardcoded-sql-expression
    query = "SELECT * FROM orders WHERE user_id = " + str(user_id) + " AND status = '" + status + "'"
    cur.execute(query)
    return cur.fetchall()


def list_columns(cur, columns, table):
    # ruleid: python.sql-injection.hardcoded-sql-expression
    cur.execute("SELECT " + ", ".join(columns) + " FROM " + table)
    return cur.fetchall()


def search_products(cur, term, limit):
    query = (
        # ruleid: python.sql-injection.hardcoded-sql-expression
        "SELECT id, name, price "
        "FROM products "
        "WHERE name LIKE '%%%s%%' LIMIT %d" % (term, limit)
    )
    cur.execute(query)
    return cur.fetchall()


def delete_session(cur, token):
    # ruleid: python.sql-injection.hardcoded-sql-expression
    cur.execute("DELETE FROM sessions WHERE token = '{}'".format(token))


def rename_user(cur, user_id, name):
    # ruleid: python.sql-injection.hardcoded-sql-expression
    sql = "UPDATE users SET name = '{name}' WHERE id = {uid}".format(name=name, uid=user_id)
    cur.execute(sql)


def add_audit_entry(cur, actor, action):
    # ruleid: python.sql-injection.hardcoded-sql-expression
    cur.execute(f"INSERT INTO audit (actor, action) VALUES ('{actor}', '{action}')")


def count_rows(cur, table):
    # ruleid: python.sql-injection.hardcoded-sql-expression
    cur.execute(f"SELECT COUNT(*) FROM {table}")
    return cur.fetchone()[0]


def recent_events(cur, kind, days):
    # ruleid: python.sql-injection.hardcoded-sql-expression
    cur.execute(f"""
        SELECT id, payload
        FROM events
        WHERE kind = '{kind}' AND created_at > now() - interval '{days} days'
    """)
    return cur.fetchall()


def events_for(cur, kind):
    cur.execute(
        # ruleid: python.sql-injection.hardcoded-sql-expression
        f"SELECT id FROM events "
        f"WHERE kind = '{kind}'"
    )
    return cur.fetchall()


def archive_events(cur, cutoff):
    # ruleid: python.sql-injection.hardcoded-sql-expression
    template = "DELETE FROM events WHERE created_at < '[CUTOFF]'".replace("[CUTOFF]", cutoff)
    cur.execute(template)


def report_query(region):
    # ruleid: python.sql-injection.hardcoded-sql-expression
    return """
        SELECT region, SUM(total)
        FROM sales
        WHERE region = '%s'
        GROUP BY region
    """ % region


def filtered_query(where_clause):
    # ruleid: python.sql-injection.hardcoded-sql-expression
    return where_clause and "select id from accounts where " + where_clause


def users_query():
    # ruleid: python.sql-injection.hardcoded-sql-expression
    return "SELECT id FROM " + USERS_TABLE


def static_report():
    # Bandit flags every f-string that reads as SQL, even one without a
    # replacement field.
    # ruleid: python.sql-injection.hardcoded-sql-expression
    return f"SELECT region, SUM(total) FROM sales GROUP BY region"


def find_user_safe(conn, username):
    cur = conn.cursor()
    # ok: python.sql-injection.hardcoded-sql-expression
    cur.execute("SELECT id, email FROM users WHERE name = ?", (username,))
    return cur.fetchone()


def find_orders_safe(cur, user_id, status):
    # ok: python.sql-injection.hardcoded-sql-expression
    cur.execute("SELECT * FROM orders WHERE user_id = %s AND status = %s", (user_id, status))
    return cur.fetchall()


def list_users(cur):
    # ok: python.sql-injection.hardcoded-sql-expression
    cur.execute("SELECT id, name FROM users ORDER BY name")
    return cur.fetchall()


def long_constant_query(cur):
    cur.execute(
        # ok: python.sql-injection.hardcoded-sql-expression
        "SELECT id, name "
        "FROM users "
        "WHERE active = 1"
    )


def log_lookup(user_id):
    # ok: python.sql-injection.hardcoded-sql-expression
    log.info("Selecting rows for user %s" % user_id)


def greeting(name):
    # ok: python.sql-injection.hardcoded-sql-expression
    return "Please select a plan, %s." % name


def update_notice(version):
    # ok: python.sql-injection.hardcoded-sql-expression
    return "Updated to version {}".format(version)


def table_label(table):
    # ok: python.sql-injection.hardcoded-sql-expression
    return f"Table {table} has been deleted"
