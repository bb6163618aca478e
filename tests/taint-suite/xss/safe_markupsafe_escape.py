# taint-suite: cwe=79 vulnerable=no
# the value is escaped with markupsafe.escape
from flask import Flask, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = escape(request.args.get("name", "world"))
    return f"<h1>Hello {name}!</h1>"
