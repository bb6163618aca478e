# taint-suite: cwe=643 vulnerable=no
# the kind must be in an allow-list, rejected otherwise
import xml.etree.ElementTree as ET

from flask import Flask, abort, request

app = Flask(__name__)
TREE = ET.parse("inventory.xml")
KINDS = {"tool", "part", "kit"}


@app.route("/items")
def items():
    kind = request.args.get("kind", "tool")
    if kind not in KINDS:
        abort(400)
    return {"items": [e.get("name") for e in TREE.getroot().findall(".//item[@kind='%s']" % kind)]}
