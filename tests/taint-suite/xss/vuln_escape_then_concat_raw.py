# taint-suite: cwe=79 vulnerable=yes
# one part is escaped, the raw value is appended too
from flask import Flask, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/greet")
def greet():
    name = request.args.get("name", "")
    safe = escape(name)
    return "<p>Hello " + str(safe) + "</p><!-- " + name + " -->"
