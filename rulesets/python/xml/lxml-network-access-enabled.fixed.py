from lxml import etree, objectify
from lxml.etree import XMLParser

ALLOW_NETWORK = False


def catalog_parser():
    # ruleid: python.xml.lxml-network-access-enabled
    return etree.XMLParser(no_network=True, load_dtd=True)


def dtd_parser():
    return XMLParser(
        load_dtd=True,
        # ruleid: python.xml.lxml-network-access-enabled
        no_network=True,
    )


def configured_parser():
    # ruleid: python.xml.lxml-network-access-enabled
    return etree.XMLParser(no_network=True, resolve_entities=False)


def objectify_parser():
    # ruleid: python.xml.lxml-network-access-enabled
    return objectify.makeparser(no_network=True)


def safe_parser():
    # ok: python.xml.lxml-network-access-enabled
    return etree.XMLParser(no_network=True, load_dtd=True, resolve_entities=False)


def default_parser():
    # ok: python.xml.lxml-network-access-enabled
    return etree.XMLParser(resolve_entities=False)


def http_client(session):
    # ok: python.xml.lxml-network-access-enabled
    return session.configure(no_network=False)
