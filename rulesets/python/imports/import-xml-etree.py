"""Invoice import from the accounting system's XML export."""
import importlib
# ruleid: python.imports.import-xml-etree
import xml.etree.ElementTree as ET
# ruleid: python.imports.import-xml-etree
import xml.etree.cElementTree
# ruleid: python.imports.import-xml-etree
from xml.etree import ElementTree
# ruleid: python.imports.import-xml-etree
from xml.etree.ElementTree import Element, SubElement, tostring
# ruleid: python.imports.import-xml-etree
from xml.etree import cElementTree as cET
# ruleid: python.imports.import-xml-etree
import json, xml.etree.ElementTree
# ruleid: python.imports.import-xml-etree
from xml.etree.ElementTree import (
    fromstring,
    ParseError,
)
# ok: python.imports.import-xml-etree
import defusedxml.ElementTree as SafeET
# ok: python.imports.import-xml-etree
from defusedxml.ElementTree import fromstring as safe_fromstring
# ok: python.imports.import-xml-etree
from lxml import etree


def read_invoice(body):
    return SafeET.fromstring(body).findtext("total")


def build_ack(invoice_id):
    root = Element("ack")
    SubElement(root, "invoice").text = invoice_id
    return tostring(root)


def parser_module(safe=True):
    if safe:
        # ok: python.imports.import-xml-etree
        return importlib.import_module("defusedxml.ElementTree")
    # ruleid: python.imports.import-xml-etree
    return importlib.import_module("xml.etree.ElementTree")


def pretty(body):
    # ruleid: python.imports.import-xml-etree
    from xml.etree import ElementTree as LazyET

    tree = LazyET.ElementTree(safe_fromstring(body))
    LazyET.indent(tree)
    return LazyET.tostring(tree.getroot())
