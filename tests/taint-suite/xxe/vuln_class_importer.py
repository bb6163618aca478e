# taint-suite: cwe=611 vulnerable=yes
# an importer class keeps the raw document and parses it later
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


class Importer:
    def __init__(self, raw):
        self.raw = raw

    def parse(self):
        return etree.fromstring(self.raw)


@app.route("/import", methods=["POST"])
def do_import():
    doc = Importer(request.data).parse()
    return {"root": doc.tag}
