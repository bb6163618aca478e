# taint-suite: cwe=611 vulnerable=no
# the data is replaced by a stored document before parsing
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.route("/reset", methods=["POST"])
def reset():
    data = request.get_data()
    app.logger.info("reset requested, %d bytes ignored", len(data))
    with open("defaults.xml", "rb") as fh:
        data = fh.read()
    return etree.fromstring(data).tag
