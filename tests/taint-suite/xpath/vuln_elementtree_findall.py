# taint-suite: cwe=643 vulnerable=yes
# an ElementTree path built from the query string
import xml.etree.ElementTree as ET

from flask import Flask, request

app = Flask(__name__)
TREE = ET.parse("inventory.xml")


@app.route("/items")
def items():
    kind = request.args.get("kind", "tool")
    path = ".//item[@kind='%s']" % kind
    return {"items": [e.get("name") for e in TREE.getroot().findall(path)]}
