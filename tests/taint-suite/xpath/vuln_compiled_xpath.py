# taint-suite: cwe=643 vulnerable=yes
# an etree.XPath compiled from a route parameter
from flask import Flask
from lxml import etree

app = Flask(__name__)
DOC = etree.parse("config.xml")


@app.route("/setting/<name>")
def setting(name):
    find = etree.XPath(f"/config/setting[@name='{name}']/@value")
    values = find(DOC)
    return values[0] if values else ""
