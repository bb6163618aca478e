"""Incremental import of large order exports."""
from xml.dom import pulldom
from xml.dom.pulldom import parseString as parse_text
import xml.dom.pulldom

from defusedxml import pulldom as safe_pulldom


def orders(stream):
    # ruleid: python.xml.pulldom-parse
    events = pulldom.parse(stream)
    for event, node in events:
        if event == pulldom.START_ELEMENT and node.tagName == "order":
            events.expandNode(node)
            yield node


def orders_from_text(text):
    # ruleid: python.xml.pulldom-parse
    for event, node in parse_text(text):
        if event == pulldom.START_ELEMENT:
            yield node.tagName


def orders_from_file(path):
    # ruleid: python.xml.pulldom-parse
    return xml.dom.pulldom.parse(path, bufsize=65536)


def orders_safely(stream):
    # ok: python.xml.pulldom-parse
    events = safe_pulldom.parse(stream)
    for event, node in events:
        if event == pulldom.START_ELEMENT and node.tagName == "order":
            events.expandNode(node)
            yield node


def is_start(event):
    # ok: python.xml.pulldom-parse
    return event == pulldom.START_ELEMENT


def builder():
    # ok: python.xml.pulldom-parse
    return pulldom.SAX2DOM()
