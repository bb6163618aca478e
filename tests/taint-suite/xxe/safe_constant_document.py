# taint-suite: cwe=611 vulnerable=no
# a constant document parsed; the request only picks an element
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
TEMPLATE = b"<config><theme>light</theme><lang>en</lang></config>"


@app.route("/config")
def config():
    key = request.args.get("key", "theme")
    root = etree.fromstring(TEMPLATE)
    return {"value": root.findtext("theme") if key == "theme" else root.findtext("lang")}
