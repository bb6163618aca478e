import sqlite3

import pandas as pd
from pandas import read_sql_query

REPORT_TABLE = "monthly_sales"


def sales_for(conn: sqlite3.Connection, region):
    # ruleid: python.sql-injection.pandas-read-sql-formatted
    return pd.read_sql(f"SELECT * FROM sales WHERE region = '{region}'", conn)


def top_customers(engine, limit):
    # ruleid: python.sql-injection.pandas-read-sql-formatted
    return read_sql_query("SELECT * FROM customers ORDER BY revenue DESC LIMIT %s" % limit, engine)


def table_dump(engine, table):
    # ruleid: python.sql-injection.pandas-read-sql-formatted
    return pd.read_sql_query(sql="SELECT * FROM " + table, con=engine)


def monthly(engine, month):
    query = "SELECT * FROM sales WHERE month = '{}'".format(month)
    # ruleid: python.sql-injection.pandas-read-sql-formatted
    return pd.read_sql(query, engine, index_col="id")


def sales_for_safe(conn: sqlite3.Connection, region):
    # ok: python.sql-injection.pandas-read-sql-formatted
    return pd.read_sql("SELECT * FROM sales WHERE region = ?", conn, params=(region,))


def top_customers_safe(engine, limit):
    # ok: python.sql-injection.pandas-read-sql-formatted
    return read_sql_query("SELECT * FROM customers ORDER BY revenue DESC LIMIT %(n)s", engine, params={"n": limit})


def report(engine):
    # ok: python.sql-injection.pandas-read-sql-formatted
    return pd.read_sql("SELECT * FROM %s" % REPORT_TABLE, engine)


def whole_table(engine, table):
    # ok: python.sql-injection.pandas-read-sql-formatted
    return pd.read_sql_table(table, engine)


def csv_for(region):
    # ok: python.sql-injection.pandas-read-sql-formatted
    return pd.read_csv("exports/%s.csv" % region)
