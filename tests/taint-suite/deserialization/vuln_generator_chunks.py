# taint-suite: cwe=502 vulnerable=yes
# uploaded chunks gathered by a generator and unpickled
import pickle

from flask import Flask, request

app = Flask(__name__)


def chunks(stream, size=8192):
    while True:
        block = stream.read(size)
        if not block:
            return
        yield block


@app.route("/restore", methods=["POST"])
def restore():
    data = b"".join(chunks(request.stream))
    return {"keys": list(pickle.loads(data))}
