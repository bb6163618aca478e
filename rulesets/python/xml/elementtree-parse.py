"""Invoice import from the accounting system's XML export."""
import xml.etree.ElementTree as ET
from xml.etree import ElementTree
from xml.etree.ElementTree import fromstring, XMLParser as StdParser

import defusedxml.ElementTree as SafeET
from lxml import etree


def read_invoice(body):
    # ruleid: python.xml.elementtree-parse
    return ET.fromstring(body).findtext("total")


def load_invoices(path):
    # ruleid: python.xml.elementtree-parse
    tree = ElementTree.parse(path)
    return [inv.get("id") for inv in tree.getroot().iter("invoice")]


def stream_lines(path):
    # ruleid: python.xml.elementtree-parse
    for _, elem in ET.iterparse(path, events=("end",)):
        if elem.tag == "line":
            yield elem.get("sku"), elem.get("qty")
            elem.clear()


def read_currency(body):
    # ruleid: python.xml.elementtree-parse
    return fromstring(body).get("currency")


def feed(chunks, target):
    # ruleid: python.xml.elementtree-parse
    parser = StdParser(target=target)
    for chunk in chunks:
        parser.feed(chunk)
    return parser.close()


def read_header(body):
    # ruleid: python.xml.elementtree-parse
    return ET.XML(body).find("header")


def read_chunks(chunks):
    # ruleid: python.xml.elementtree-parse
    return ET.fromstringlist(chunks)


def pull_events(chunks):
    # ruleid: python.xml.elementtree-parse
    parser = ET.XMLPullParser(events=("start", "end"))
    for chunk in chunks:
        parser.feed(chunk)
        yield from parser.read_events()


def load_from_archive(archive, name):
    with archive.open(name) as fh:
        # ruleid: python.xml.elementtree-parse
        tree = ET.parse(
            fh,
            parser=None,
        )
    return tree.getroot()


def read_invoice_safely(body):
    # ok: python.xml.elementtree-parse
    return SafeET.fromstring(body).findtext("total")


def build_ack(invoice_id):
    root = ET.Element("ack")
    ET.SubElement(root, "invoice").text = invoice_id
    # ok: python.xml.elementtree-parse
    return ET.tostring(root, encoding="unicode")


def read_with_lxml(body):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: python.xml.elementtree-parse
    return etree.fromstring(body, parser)
