# taint-suite: cwe=643 vulnerable=no
# a compiled XPath with a variable, value given at call time
from flask import Flask
from lxml import etree

app = Flask(__name__)
DOC = etree.parse("config.xml")
FIND_SETTING = etree.XPath("/config/setting[@name=$name]/@value")


@app.route("/setting/<name>")
def setting(name):
    values = FIND_SETTING(DOC, name=name)
    return values[0] if values else ""
