# taint-suite: cwe=501 vulnerable=no
# a page size converted with int()
from flask import Flask, request, session

app = Flask(__name__)


@app.route("/page-size")
def page_size():
    session["page_size"] = min(int(request.args.get("n", "20")), 100)
    return "ok"
