# taint-suite: cwe=611 vulnerable=no
# an lxml parser with resolve_entities=False and no_network
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@app.route("/upload", methods=["POST"])
def upload():
    data = request.files["doc"].read()
    tree = etree.fromstring(data, PARSER)
    return tree.findtext("title") or ""
