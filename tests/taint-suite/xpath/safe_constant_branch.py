# taint-suite: cwe=643 vulnerable=no
# a constant condition selects a constant expression
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
DOC = etree.parse("staff.xml")


@app.route("/staff")
def staff():
    dept = request.args.get("dept", "")
    if len("debug") == 0:
        expr = "//employee[department='" + dept + "']"
    else:
        expr = "//employee"
    return {"count": len(DOC.xpath(expr))}
