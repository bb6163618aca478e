# taint-suite: cwe=643 vulnerable=yes
# a filter dict filled from the JSON body
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
DOC = etree.parse("orders.xml")


@app.route("/orders", methods=["POST"])
def orders():
    filters = {}
    filters.setdefault("status", request.json.get("status", "open"))
    expr = "//order[@status='" + filters["status"] + "']"
    return {"count": len(DOC.xpath(expr))}
