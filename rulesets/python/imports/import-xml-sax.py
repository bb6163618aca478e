"""Streaming parser for the product catalogue feed."""
import importlib
# ruleid: python.imports.import-xml-sax
import xml.sax
# ruleid: python.imports.import-xml-sax
from xml import sax
# ruleid: python.imports.import-xml-sax
from xml.sax import make_parser, ContentHandler
# ruleid: python.imports.import-xml-sax
import xml.sax.saxutils as saxutils
# ruleid: python.imports.import-xml-sax
from xml.sax.handler import feature_external_ges
# ruleid: python.imports.import-xml-sax
from xml import sax as xml_sax, dom
# ok: python.imports.import-xml-sax
import defusedxml.sax
# ok: python.imports.import-xml-sax
from defusedxml.sax import make_parser as safe_make_parser
# ok: python.imports.import-xml-sax
from xml import dom as xml_dom


class ProductHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.skus = []

    def startElement(self, name, attrs):
        if name == "product":
            self.skus.append(attrs.get("sku"))


def parse_feed(stream):
    handler = ProductHandler()
    defusedxml.sax.parse(stream, handler)
    return handler.skus


def escape_title(title):
    return saxutils.escape(title)


def sax_module():
    # ruleid: python.imports.import-xml-sax
    return importlib.import_module("xml.sax")


def utils_module():
    # ruleid: python.imports.import-xml-sax
    return importlib.import_module("xml.sax.saxutils")


def safe_parser():
    # ok: python.imports.import-xml-sax
    return safe_make_parser()
