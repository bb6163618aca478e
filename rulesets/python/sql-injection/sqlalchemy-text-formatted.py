import sqlalchemy
from sqlalchemy import select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import text as sql_text

from app.models import User

SCHEMA = "public"


def find_user(session: Session, name):
    # ruleid: python.sql-injection.sqlalchemy-text-formatted
    stmt = text(f"SELECT id, email FROM users WHERE name = '{name}'")
    return session.execute(stmt).all()


def orders_for(session: Session, customer_id):
    # ruleid: python.sql-injection.sqlalchemy-text-formatted
    return session.execute(sqlalchemy.text("SELECT * FROM orders WHERE customer_id = %s" % customer_id)).all()


def sorted_users(session: Session, column):
    # ruleid: python.sql-injection.sqlalchemy-text-formatted
    return session.scalars(select(User).order_by(sql_text("lower(" + column + ") DESC"))).all()


def active_in(session: Session, region):
    # ruleid: python.sql-injection.sqlalchemy-text-formatted
    return session.scalars(select(User).where(text("region = '{}'".format(region)))).all()


def purge(conn, table, days):
    sql = "DELETE FROM " + table + " WHERE created < now() - interval '%d days'" % days
    # ruleid: python.sql-injection.sqlalchemy-text-formatted
    conn.execute(text(sql))


def search(conn, clauses):
    # ruleid: python.sql-injection.sqlalchemy-text-formatted
    return conn.execute(sqlalchemy.sql.expression.text(" AND ".join(["SELECT * FROM users WHERE 1 = 1"] + clauses)))


def find_user_safe(session: Session, name):
    # ok: python.sql-injection.sqlalchemy-text-formatted
    stmt = text("SELECT id, email FROM users WHERE name = :name")
    return session.execute(stmt, {"name": name}).all()


def orders_for_safe(session: Session, customer_id):
    # ok: python.sql-injection.sqlalchemy-text-formatted
    stmt = text("SELECT * FROM orders WHERE customer_id = :cid").bindparams(cid=customer_id)
    return session.execute(stmt).all()


def schema_users(session: Session):
    # An f-string that interpolates only constants is itself constant.
    # ok: python.sql-injection.sqlalchemy-text-formatted
    return session.execute(text(f"SELECT id FROM {SCHEMA}.users")).all()


def count_users(session: Session):
    # ok: python.sql-injection.sqlalchemy-text-formatted
    return session.execute(text("SELECT COUNT(*) " + "FROM users")).scalar()


def render_label(template, name):
    # ok: python.sql-injection.sqlalchemy-text-formatted
    return template.text("Hello %s" % name)
