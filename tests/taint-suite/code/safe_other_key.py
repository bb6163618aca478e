# taint-suite: cwe=95 vulnerable=no
# the request value sits under a key that is not evaluated
from flask import Flask, request

app = Flask(__name__)


@app.route("/widget")
def widget():
    config = {"expr": "sum(range(10))", "title": request.args.get("title", "")}
    value = eval(config["expr"])
    return {"title": config["title"], "value": value}
