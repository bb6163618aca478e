# taint-suite: cwe=501 vulnerable=yes
# a wizard class stores a step's input in the session
from flask import Flask, request, session

app = Flask(__name__)


class Wizard:
    def __init__(self, store):
        self.store = store

    def remember(self, key, value):
        self.store[key] = value


@app.route("/wizard/<int:step>", methods=["POST"])
def wizard(step):
    Wizard(session).remember("plan", request.form["plan"])
    return "next"
