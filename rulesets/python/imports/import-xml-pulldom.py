"""Incremental import of large order exports."""
import importlib
# ruleid: python.imports.import-xml-pulldom
import xml.dom.pulldom
# ruleid: python.imports.import-xml-pulldom
from xml.dom import pulldom
# ruleid: python.imports.import-xml-pulldom
from xml.dom.pulldom import parse, START_ELEMENT
# ruleid: python.imports.import-xml-pulldom
import xml.dom.pulldom as pd
# ruleid: python.imports.import-xml-pulldom
from xml.dom import Node, pulldom as stream_dom
# ok: python.imports.import-xml-pulldom
from defusedxml import pulldom as safe_pulldom
# ok: python.imports.import-xml-pulldom
import defusedxml.pulldom
# ok: python.imports.import-xml-pulldom
from xml.dom import Node as DomNode


def orders(stream):
    events = safe_pulldom.parse(stream)
    for event, node in events:
        if event == START_ELEMENT and node.tagName == "order":
            events.expandNode(node)
            yield node


def dom_module():
    # ruleid: python.imports.import-xml-pulldom
    return importlib.import_module("xml.dom.pulldom")


def safe_module():
    # ok: python.imports.import-xml-pulldom
    return __import__("defusedxml.pulldom")


def lazy_count(path):
    # ruleid: python.imports.import-xml-pulldom
    from xml.dom.pulldom import parse as lazy_parse

    return sum(1 for event, _ in lazy_parse(path) if event == START_ELEMENT)
