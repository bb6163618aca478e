import base64
import io
import xml.sax
from xml.sax.handler import feature_external_ges

from defusedxml import ElementTree as DET
from django.http import JsonResponse
from fastapi import FastAPI, Request
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
api = FastAPI()
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@app.route("/import", methods=["POST"])
def import_xml():
    payload = request.get_data()
    # ruleid: python.taint.xxe
    root = etree.fromstring(payload)
    return {"items": len(root)}


@app.route("/import-defused", methods=["POST"])
def import_defused():
    # ok: python.taint.xxe
    root = DET.fromstring(request.get_data())
    return {"items": len(root)}


@app.route("/upload", methods=["POST"])
def upload():
    parser = etree.XMLParser(resolve_entities=True)
    # ruleid: python.taint.xxe
    tree = etree.fromstring(request.files["doc"].read(), parser)
    return tree.findtext("title") or ""


@app.route("/upload-safe", methods=["POST"])
def upload_safe():
    # ok: python.taint.xxe
    tree = etree.fromstring(request.files["doc"].read(), SAFE_PARSER)
    return tree.findtext("title") or ""


def soap(request):
    # ok: python.taint.xxe
    doc = etree.fromstring(request.body, etree.XMLParser(resolve_entities=False))
    return JsonResponse({"op": doc.tag})


def soap_stream(request):
    # ruleid: python.taint.xxe
    doc = etree.parse(io.BytesIO(request.body))
    return JsonResponse({"op": doc.getroot().tag})


@api.post("/orders")
async def orders(request: Request):
    body = await request.body()
    # ruleid: python.taint.xxe
    return {"id": etree.XML(body).get("id")}


@app.route("/saml", methods=["POST"])
def saml():
    xml = base64.b64decode(request.form["SAMLResponse"])
    # ruleid: python.taint.xxe
    return etree.fromstring(xml).tag


@app.route("/count", methods=["POST"])
def count():
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    # ruleid: python.taint.xxe
    parser.parse(request.files["doc"])
    return "ok"


@app.route("/count-default", methods=["POST"])
def count_default():
    parser = xml.sax.make_parser()
    # ok: python.taint.xxe
    parser.parse(request.files["doc"])
    return "ok"


@app.route("/preview", methods=["POST"])
def preview():
    source = b"<page/>" if 10 > 1 else request.data
    # ok: python.taint.xxe
    return etree.fromstring(source).tag


@app.route("/bulk", methods=["POST"])
def bulk():
    count = 0
    # ruleid: python.taint.xxe
    for _, elem in etree.iterparse(request.files["feed"], events=("end",)):
        count += elem.tag == "item"
    # ok: python.taint.xxe
    for _, elem in etree.iterparse(request.files["feed"], events=("end",), resolve_entities=False):
        count += elem.tag == "item"
    return {"items": count}
