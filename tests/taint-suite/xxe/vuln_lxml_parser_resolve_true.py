# taint-suite: cwe=611 vulnerable=yes
# an lxml parser made with resolve_entities=True
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.route("/upload", methods=["POST"])
def upload():
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    data = request.files["doc"].read()
    tree = etree.fromstring(data, parser)
    return tree.findtext("title") or ""
