# taint-suite: cwe=643 vulnerable=no
# the value is escaped into an XPath string literal by a helper using concat()
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
DOC = etree.parse("users.xml")


def xpath_literal(value):
    if "'" not in value:
        return "'" + value + "'"
    if '"' not in value:
        return '"' + value + '"'
    return "concat('" + value.replace("'", "', \"'\", '") + "')"


@app.route("/user")
def user():
    name = request.args.get("name", "")
    nodes = DOC.xpath("//user[name/text()=%s]" % xpath_literal(name))
    return {"found": bool(nodes)}
