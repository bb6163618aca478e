# taint-suite: cwe=79 vulnerable=no
# the view returns a redirect to its own route
from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/go")
def go():
    section = request.args.get("section", "home")
    return redirect(url_for("show", section=section))


@app.route("/show/<section>")
def show(section):
    return {"section": section}
