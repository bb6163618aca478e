# taint-suite: cwe=79 vulnerable=yes
# the value wrapped in Markup, which disables escaping
from flask import Flask, render_template, request
from markupsafe import Markup

app = Flask(__name__)


@app.route("/profile")
def profile():
    bio = request.args.get("bio", "")
    return render_template("profile.html", bio=Markup("<em>%s</em>" % bio))
