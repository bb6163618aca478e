# taint-suite: cwe=611 vulnerable=no
# a constant condition picks the server-side document
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.route("/preview", methods=["POST"])
def preview():
    uploaded = request.data
    source = b"<page/>" if 10 > 1 else uploaded
    return etree.fromstring(source).tag
