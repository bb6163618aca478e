# taint-suite: cwe=502 vulnerable=no
# the request picks a cache key; the pickled value was written by the server
import pickle

import redis
from flask import Flask, request

app = Flask(__name__)
cache = redis.Redis()


@app.route("/report")
def report():
    key = "report:" + request.args.get("id", "latest")
    blob = cache.get(key)
    if blob is None:
        return {"error": "not ready"}, 404
    return {"report": pickle.loads(blob)}
