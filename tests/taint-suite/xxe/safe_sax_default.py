# taint-suite: cwe=611 vulnerable=no
# a default SAX parser: external entities are off
import xml.sax

from flask import Flask, request

app = Flask(__name__)


class Counter(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.count = 0

    def startElement(self, name, attrs):
        self.count += 1


@app.route("/count", methods=["POST"])
def count():
    handler = Counter()
    parser = xml.sax.make_parser()
    parser.setContentHandler(handler)
    parser.parse(request.files["doc"])
    return {"elements": handler.count}
