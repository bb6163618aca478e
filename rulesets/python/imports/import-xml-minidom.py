"""RSS feed reader."""
import importlib
# ruleid: python.imports.import-xml-minidom
import xml.dom.minidom
# ruleid: python.imports.import-xml-minidom
from xml.dom import minidom
# ruleid: python.imports.import-xml-minidom
from xml.dom.minidom import parseString
# ruleid: python.imports.import-xml-minidom
import xml.dom.minidom as md
# ruleid: python.imports.import-xml-minidom
from xml.dom import minidom as dom_builder
# ruleid: python.imports.import-xml-minidom
from xml.dom.minidom import (
    Document,
    getDOMImplementation,
)
# ok: python.imports.import-xml-minidom
from defusedxml import minidom as safe_minidom
# ok: python.imports.import-xml-minidom
import defusedxml.minidom
# ok: python.imports.import-xml-minidom
from xml.dom import Node


def feed_titles(body):
    doc = safe_minidom.parseString(body)
    return [t.firstChild.data for t in doc.getElementsByTagName("title")
            if t.firstChild is not None and t.firstChild.nodeType == Node.TEXT_NODE]


def build_opml(urls):
    doc = getDOMImplementation().createDocument(None, "opml", None)
    body = doc.createElement("body")
    for url in urls:
        outline = doc.createElement("outline")
        outline.setAttribute("xmlUrl", url)
        body.appendChild(outline)
    doc.documentElement.appendChild(body)
    return doc.toprettyxml()


def dom_module(safe):
    if safe:
        # ok: python.imports.import-xml-minidom
        return importlib.import_module("defusedxml.minidom")
    # ruleid: python.imports.import-xml-minidom
    return importlib.import_module("xml.dom.minidom")


def lazy_pretty(text):
    # ruleid: python.imports.import-xml-minidom
    import xml.dom.minidom as lazy_minidom

    return lazy_minidom.parseString(text).toprettyxml()
