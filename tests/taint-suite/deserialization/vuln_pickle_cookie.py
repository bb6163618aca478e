# taint-suite: cwe=502 vulnerable=yes
# a base64 cookie unpickled
import base64
import pickle

from flask import Flask, request

app = Flask(__name__)


@app.route("/cart")
def cart():
    blob = request.cookies.get("cart", "")
    raw = base64.b64decode(blob)
    items = pickle.loads(raw)
    return {"items": len(items)}
