# taint-suite: cwe=611 vulnerable=yes
# an XML document base64-encoded in a form field
import base64

from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.route("/saml", methods=["POST"])
def saml():
    encoded = request.form["SAMLResponse"]
    xml = base64.b64decode(encoded)
    assertion = etree.fromstring(xml)
    return assertion.tag
