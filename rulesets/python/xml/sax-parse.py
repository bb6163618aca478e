"""Streaming parser for the product catalogue feed."""
import xml.sax
from xml import sax
from xml.sax import make_parser, parseString as parse_text
from xml.sax.saxutils import escape

import defusedxml.sax


class ProductHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.skus = []

    def startElement(self, name, attrs):
        if name == "product":
            self.skus.append(attrs.get("sku"))


def parse_feed(stream):
    handler = ProductHandler()
    # ruleid: python.xml.sax-parse
    xml.sax.parse(stream, handler)
    return handler.skus


def parse_feed_text(text):
    handler = ProductHandler()
    # ruleid: python.xml.sax-parse
    sax.parseString(text.encode(), handler)
    return handler.skus


def parse_feed_bytes(body):
    handler = ProductHandler()
    # ruleid: python.xml.sax-parse
    parse_text(body, handler)
    return handler.skus


def reader(handler):
    # ruleid: python.xml.sax-parse
    parser = make_parser()
    parser.setContentHandler(handler)
    return parser


def parse_feed_safely(stream):
    handler = ProductHandler()
    # ok: python.xml.sax-parse
    defusedxml.sax.parse(stream, handler)
    return handler.skus


def safe_reader(handler):
    # ok: python.xml.sax-parse
    parser = defusedxml.sax.make_parser()
    parser.setContentHandler(handler)
    return parser


def title_markup(title):
    # ok: python.xml.sax-parse
    return "<title>" + escape(title) + "</title>"
