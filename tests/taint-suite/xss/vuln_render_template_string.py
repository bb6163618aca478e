# taint-suite: cwe=79 vulnerable=yes
# the value is part of the template source
from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/welcome")
def welcome():
    user = request.args.get("user", "guest")
    template = "<h2>Welcome " + user + "</h2>{{ footer }}"
    return render_template_string(template, footer="(c) Example")
