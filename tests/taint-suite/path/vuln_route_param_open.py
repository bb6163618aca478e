# taint-suite: cwe=22 vulnerable=yes
# a route path parameter read with open()
from flask import Flask

app = Flask(__name__)


@app.route("/docs/<path:page>")
def docs(page):
    with open("docs/" + page + ".md", encoding="utf-8") as fh:
        return fh.read()
