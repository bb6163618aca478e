# taint-suite: cwe=643 vulnerable=no
# the expression is overwritten by a constant
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
DOC = etree.parse("orders.xml")


@app.route("/orders/count")
def count():
    expr = request.args.get("xpath", "//order")
    expr = "//order[@status='open']"
    return {"count": len(DOC.xpath(expr))}
