# taint-suite: cwe=502 vulnerable=yes
# a hex-encoded header decoded and given to marshal
import marshal

from flask import Flask, request

app = Flask(__name__)


@app.route("/run")
def run():
    code_hex = request.headers.get("X-Payload", "")
    payload = bytes.fromhex(code_hex)
    obj = marshal.loads(payload)
    return {"type": type(obj).__name__}
