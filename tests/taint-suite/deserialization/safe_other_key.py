# taint-suite: cwe=502 vulnerable=no
# the request value sits beside a server pickle in a dict
import pickle

from flask import Flask, request

app = Flask(__name__)
SNAPSHOT = pickle.dumps([1, 2, 3])


@app.route("/snapshot")
def snapshot():
    parts = {"data": SNAPSHOT, "label": request.args.get("label", "")}
    return {"values": pickle.loads(parts["data"]), "label": parts["label"]}
