"""Order import for the Python 2 era warehouse service."""
import xml.etree.cElementTree as ET
from xml.etree.cElementTree import fromstring, iterparse as iter_events
from xml.etree import cElementTree

import defusedxml.cElementTree as SafeET


def read_order(body):
    # ruleid: python.xml.celementtree-parse
    return ET.fromstring(body).findtext("id")


def load_orders(path):
    # ruleid: python.xml.celementtree-parse
    tree = ET.parse(path)
    return [o.get("id") for o in tree.getroot()]


def stream_orders(path):
    # ruleid: python.xml.celementtree-parse
    for _, elem in iter_events(path, events=("end",)):
        if elem.tag == "order":
            yield elem.get("id")
            elem.clear()


def read_status(body):
    # ruleid: python.xml.celementtree-parse
    return fromstring(body).get("status")


def custom_parser(target):
    # ruleid: python.xml.celementtree-parse
    return cElementTree.XMLParser(
        target=target,
    )


def read_order_safely(body):
    # ok: python.xml.celementtree-parse
    return SafeET.fromstring(body).findtext("id")


def build_ack(order_id):
    # ok: python.xml.celementtree-parse
    root = ET.Element("ack", id=order_id)
    # ok: python.xml.celementtree-parse
    return ET.tostring(root)


def parse_config(parser, path):
    # ok: python.xml.celementtree-parse
    return parser.parse(path)
