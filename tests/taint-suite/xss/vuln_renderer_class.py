# taint-suite: cwe=79 vulnerable=yes
# a renderer class builds rows and the view returns them
from flask import Flask, request

app = Flask(__name__)


class Table:
    def __init__(self):
        self.rows = []

    def add(self, label, value):
        self.rows.append("<tr><td>%s</td><td>%s</td></tr>" % (label, value))

    def html(self):
        return "<table>" + "".join(self.rows) + "</table>"


@app.route("/debug")
def debug():
    table = Table()
    for key in request.args:
        table.add(key, request.args[key])
    return table.html()
