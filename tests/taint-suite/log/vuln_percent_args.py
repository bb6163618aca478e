# taint-suite: cwe=117 vulnerable=yes
# the value as a %s argument: logging does not escape it
import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger("audit")


@app.route("/search")
def search():
    q = request.args.get("q", "")
    logger.info("search for %s", q)
    return {"results": []}
