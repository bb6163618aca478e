import json
import xml.etree.ElementTree as ET
from urllib.request import urlopen
from xml.dom import minidom
from xml.dom.pulldom import parseString as pull_parse

import defusedxml.ElementTree as SafeET
import xml.sax
from django.http import JsonResponse
from flask import Flask, request

app = Flask(__name__)


@app.post("/invoices")
def create_invoice():
    # ruleid: python.xml.stdlib-parse-request-data
    invoice = ET.fromstring(request.get_data())
    return {"total": invoice.findtext("total")}


@app.post("/invoices/bulk")
def bulk_invoices():
    body = request.data
    app.logger.info("bulk upload of %d bytes", len(body))
    # ruleid: python.xml.stdlib-parse-request-data
    root = ET.fromstring(body)
    return {"count": len(root)}


@app.post("/feeds")
def upload_feed():
    upload = request.files["feed"]
    # ruleid: python.xml.stdlib-parse-request-data
    tree = ET.parse(upload.stream)
    return {"items": len(tree.getroot())}


def django_import(req):
    # ruleid: python.xml.stdlib-parse-request-data
    doc = minidom.parseString(req.body)
    return JsonResponse({"title": doc.getElementsByTagName("title")[0].firstChild.data})


def django_stream(request):
    # ruleid: python.xml.stdlib-parse-request-data
    events = pull_parse(request.body.decode("utf-8"))
    return JsonResponse({"events": sum(1 for _ in events)})


class FeedHandler:
    def post(self, handler):
        # ruleid: python.xml.stdlib-parse-request-data
        xml.sax.parseString(self.request.body, handler)


def fetch_rates(url):
    # ruleid: python.xml.stdlib-parse-request-data
    tree = ET.parse(urlopen(url, timeout=10))
    return {c.get("currency"): c.get("rate") for c in tree.iter("Cube") if c.get("rate")}


@app.post("/invoices/safe")
def create_invoice_safely():
    # ok: python.xml.stdlib-parse-request-data
    invoice = SafeET.fromstring(request.get_data())
    return {"total": invoice.findtext("total")}


def load_templates(path):
    # ok: python.xml.stdlib-parse-request-data
    return ET.parse(path)


@app.post("/invoices/json")
def create_invoice_json():
    payload = json.loads(request.data)
    # ok: python.xml.stdlib-parse-request-data
    return {"xml": ET.tostring(ET.Element("invoice", total=str(payload["total"])))}


def render_reply(request, template):
    # ok: python.xml.stdlib-parse-request-data
    doc = minidom.parseString(template)
    doc.documentElement.setAttribute("user", request.user.username)
    return doc.toxml()
