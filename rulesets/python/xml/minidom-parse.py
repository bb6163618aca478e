"""RSS feed reader."""
from xml.dom import minidom
from xml.dom.minidom import parseString, parse as parse_file
import xml.dom.minidom

from defusedxml import minidom as safe_minidom


def feed_titles(body):
    # ruleid: python.xml.minidom-parse
    doc = minidom.parseString(body)
    return [t.firstChild.data for t in doc.getElementsByTagName("title") if t.firstChild]


def feed_from_text(text):
    # ruleid: python.xml.minidom-parse
    return parseString(text)


def feed_from_file(path):
    # ruleid: python.xml.minidom-parse
    return parse_file(path)


def feed_from_upload(upload):
    # ruleid: python.xml.minidom-parse
    return xml.dom.minidom.parse(
        upload,
    )


def feed_titles_safely(body):
    # ok: python.xml.minidom-parse
    doc = safe_minidom.parseString(body)
    return [t.firstChild.data for t in doc.getElementsByTagName("title") if t.firstChild]


def build_opml(urls):
    # ok: python.xml.minidom-parse
    doc = minidom.getDOMImplementation().createDocument(None, "opml", None)
    for url in urls:
        outline = doc.createElement("outline")
        outline.setAttribute("xmlUrl", url)
        doc.documentElement.appendChild(outline)
    return doc.toprettyxml()


def new_document():
    # ok: python.xml.minidom-parse
    return minidom.Document()
