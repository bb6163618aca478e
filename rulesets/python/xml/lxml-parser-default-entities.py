from lxml import etree, objectify
from lxml.etree import XMLParser


def upload_parser():
    # ruleid: python.xml.lxml-parser-default-entities
    return etree.XMLParser(remove_blank_text=True)


def bare_parser():
    # ruleid: python.xml.lxml-parser-default-entities
    return XMLParser()


def pull_parser():
    # ruleid: python.xml.lxml-parser-default-entities
    parser = etree.XMLPullParser(
        events=("start", "end"),
        huge_tree=False,
    )
    return parser


def objectify_parser():
    # ruleid: python.xml.lxml-parser-default-entities
    return objectify.makeparser(remove_blank_text=True)


def safe_parser():
    # ok: python.xml.lxml-parser-default-entities
    return etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)


def internal_only_parser():
    # ok: python.xml.lxml-parser-default-entities
    return XMLParser(resolve_entities="internal")


def configured_parser(options):
    # ok: python.xml.lxml-parser-default-entities
    return etree.XMLParser(**options)


def html_parser():
    # ok: python.xml.lxml-parser-default-entities
    return etree.HTMLParser(remove_comments=True)
