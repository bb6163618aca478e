from lxml import etree, objectify
from lxml.etree import XMLParser as LxmlParser

RESOLVE = True


def upload_parser():
    # ruleid: python.xml.lxml-resolve-entities-enabled
    return etree.XMLParser(resolve_entities=True, remove_blank_text=True)


def legacy_parser():
    return LxmlParser(
        remove_blank_text=True,
        # ruleid: python.xml.lxml-resolve-entities-enabled
        resolve_entities=True,
        huge_tree=False,
    )


def configured_parser():
    # ruleid: python.xml.lxml-resolve-entities-enabled
    return etree.XMLParser(resolve_entities=RESOLVE)


def stream_items(path):
    # ruleid: python.xml.lxml-resolve-entities-enabled
    for _, elem in etree.iterparse(path, events=("end",), tag="item", resolve_entities=True):
        yield elem.findtext("sku")
        elem.clear()


def objectify_parser():
    # ruleid: python.xml.lxml-resolve-entities-enabled
    return objectify.makeparser(resolve_entities=True, remove_blank_text=True)


def safe_parser():
    # ok: python.xml.lxml-resolve-entities-enabled
    return etree.XMLParser(resolve_entities=False, no_network=True)


def internal_only_parser():
    # ok: python.xml.lxml-resolve-entities-enabled
    return etree.XMLParser(resolve_entities="internal")


def html_parser():
    # ok: python.xml.lxml-resolve-entities-enabled
    return etree.HTMLParser(remove_blank_text=True)


def other_library(factory):
    # ok: python.xml.lxml-resolve-entities-enabled
    return factory.XMLParser(resolve_entities=True)
