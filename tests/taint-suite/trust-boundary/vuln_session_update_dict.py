# taint-suite: cwe=501 vulnerable=yes
# session.update with a dict built from the JSON body
from flask import Flask, request, session

app = Flask(__name__)


@app.route("/prefs", methods=["POST"])
def prefs():
    data = request.get_json()
    settings = {"theme": data.get("theme"), "is_admin": data.get("admin", False)}
    session.update(settings)
    return "", 204
