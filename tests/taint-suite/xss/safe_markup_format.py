# taint-suite: cwe=79 vulnerable=no
# Markup(...).format escapes its arguments
from flask import Flask, request
from markupsafe import Markup

app = Flask(__name__)


@app.route("/tag")
def tag():
    label = request.args.get("label", "")
    return Markup("<span class='tag'>{}</span>").format(label)
