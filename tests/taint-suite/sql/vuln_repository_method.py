# taint-suite: cwe=89 vulnerable=yes
# a repository class stores the filter in self and runs it later
import psycopg2
from flask import Flask, request

app = Flask(__name__)


class OrderRepository:
    def __init__(self, conn):
        self.conn = conn
        self.order_by = "id"

    def sort_by(self, column):
        self.order_by = column
        return self

    def fetch(self):
        cur = self.conn.cursor()
        cur.execute(f"SELECT * FROM orders ORDER BY {self.order_by}")
        return cur.fetchall()


@app.route("/orders")
def orders():
    repo = OrderRepository(psycopg2.connect("dbname=shop"))
    return {"orders": repo.sort_by(request.args["sort"]).fetch()}
