"""A small web service with the security mistakes tripline's shipped rules catch.

Run `cargo run --release -- scan examples/` from the repository root.
"""

import logging
import sqlite3
import subprocess

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


def calculate(expression):
    # Evaluates whatever the client sent: arbitrary code execution.
    return eval(expression)


def ping(host):
    # The host name reaches a shell: `example.com; rm -rf /` runs both commands.
    return subprocess.run("ping -c 1 " + host, shell=True, capture_output=True)


def find_user(db: sqlite3.Connection, name):
    cur = db.cursor()
    # String formatting builds the query: SQL injection.
    cur.execute("SELECT id, email FROM users WHERE name = '%s'" % name)
    return cur.fetchone()


def find_user_safely(db: sqlite3.Connection, name):
    cur = db.cursor()
    # Parameterised: the driver quotes `name`. Not reported.
    cur.execute("SELECT id, email FROM users WHERE name = ?", (name,))
    return cur.fetchone()


def login(user, password):
    # The password ends up in the log files.
    logger.info(f"login attempt for {user} with password {password}")
    return check(user, password)


def check(user, password):
    return bool(user and password)


def report_query(region):
    return "SELECT sum(total) FROM orders WHERE region = '{}'".format(region)


@app.route("/report")
def report():
    # Read here, built into SQL by a helper, run a line later: no single
    # expression is wrong, so only taint mode follows the value to the query.
    region = request.args.get("region", "")
    query = report_query(region)
    rows = sqlite3.connect("shop.db").execute(query).fetchall()
    return {"total": rows[0][0]}
