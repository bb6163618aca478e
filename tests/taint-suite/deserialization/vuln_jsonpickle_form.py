# taint-suite: cwe=502 vulnerable=yes
# jsonpickle.decode of a form field
import jsonpickle
from flask import Flask, request

app = Flask(__name__)


@app.route("/restore", methods=["POST"])
def restore():
    state = request.form["state"]
    obj = jsonpickle.decode(state)
    return {"type": type(obj).__name__}
