# taint-suite: cwe=502 vulnerable=no
# the payload is unpickled only after its HMAC signature is verified
import hashlib
import hmac
import pickle

from flask import Flask, abort, request

app = Flask(__name__)
SECRET = b"loaded-from-vault"


@app.route("/task", methods=["POST"])
def task():
    body = request.get_data()
    sig = request.headers.get("X-Signature", "")
    expected = hmac.new(SECRET, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(sig, expected):
        abort(403)
    return {"task": str(pickle.loads(body))}
