# taint-suite: cwe=611 vulnerable=no
# defusedxml parses the request body
from defusedxml import ElementTree as DET
from flask import Flask, request

app = Flask(__name__)


@app.route("/import", methods=["POST"])
def import_xml():
    root = DET.fromstring(request.get_data())
    return {"items": len(root)}
