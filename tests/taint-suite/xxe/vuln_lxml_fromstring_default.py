# taint-suite: cwe=611 vulnerable=yes
# request body parsed by lxml's default parser (entities resolved)
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.route("/import", methods=["POST"])
def import_xml():
    payload = request.get_data()
    root = etree.fromstring(payload)
    return {"items": len(root)}
