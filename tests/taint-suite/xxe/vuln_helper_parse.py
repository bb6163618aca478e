# taint-suite: cwe=611 vulnerable=yes
# a helper function parses what the view gives it
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


def load_feed(xml_bytes):
    parser = etree.XMLParser(dtd_validation=True)
    return etree.fromstring(xml_bytes, parser=parser)


@app.route("/feed", methods=["POST"])
def feed():
    root = load_feed(request.data)
    return {"entries": len(root.findall("entry"))}
