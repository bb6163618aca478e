# taint-suite: cwe=643 vulnerable=yes
# str.format_map with a dict of request values
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
DOC = etree.parse("staff.xml")


@app.route("/staff")
def staff():
    params = {"dept": request.args.get("dept", ""), "site": "hq"}
    expr = "//employee[@dept='{dept}' and @site='{site}']".format_map(params)
    return {"n": len(DOC.xpath(expr))}
