# taint-suite: cwe=643 vulnerable=no
# only the digits of the value are kept, then converted with int()
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
DOC = etree.parse("orders.xml")


@app.route("/order")
def order():
    raw = request.args.get("id", "")
    digits = "".join(ch for ch in raw if ch in "0123456789")[:9] or "0"
    number = int(digits)
    return {"n": len(DOC.xpath("//order[@id=%d]" % number))}
