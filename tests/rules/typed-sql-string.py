def find(cur, name, table, query):
    # ruleid: typed-sql-string
    cur.execute("SELECT * FROM users WHERE name = '" + name + "'")
    # ruleid: typed-sql-string
    cur.execute(f"SELECT * FROM {table}")
    q = "DELETE FROM %s" % table
    # ruleid: typed-sql-string
    cur.execute(q)
    # ok: typed-sql-string
    cur.execute("SELECT * FROM users WHERE name = %s", (name,))
    # ok: typed-sql-string
    cur.execute(query)
    # ok: typed-sql-string
    cur.execute(build_query(name))
