# taint-suite: cwe=502 vulnerable=no
# a constant condition picks the server-side pickle
import pickle

from flask import Flask, request

app = Flask(__name__)
DEFAULTS = pickle.dumps({"theme": "light"})


@app.route("/prefs", methods=["POST"])
def prefs():
    uploaded = request.get_data()
    source = DEFAULTS if 2 + 2 == 4 else uploaded
    return pickle.loads(source)
