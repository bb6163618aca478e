# taint-suite: cwe=611 vulnerable=no
# defusedxml.lxml-style safe parse of a base64 field
import base64

from defusedxml.ElementTree import fromstring
from flask import Flask, request

app = Flask(__name__)


@app.route("/saml", methods=["POST"])
def saml():
    xml = base64.b64decode(request.form["SAMLResponse"])
    return fromstring(xml).tag
