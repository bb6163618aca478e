# taint-suite: cwe=117 vulnerable=no
# a numeric id converted with int()
import logging

from flask import Flask, request

app = Flask(__name__)


@app.route("/item")
def item():
    item_id = int(request.args.get("id", "0"))
    logging.info("item %d viewed", item_id)
    return {"id": item_id}
