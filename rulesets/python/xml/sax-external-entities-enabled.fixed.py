import xml.sax
from xml.sax import handler as sax_handler
from xml.sax.handler import feature_external_ges, feature_external_pes, feature_namespaces

RESOLVE_ENTITIES = True


def catalogue_reader(content_handler):
    parser = xml.sax.make_parser()
    # ruleid: python.xml.sax-external-entities-enabled
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(content_handler)
    return parser


def dtd_reader(content_handler):
    parser = xml.sax.make_parser()
    # ruleid: python.xml.sax-external-entities-enabled
    parser.setFeature(sax_handler.feature_external_pes, False)
    parser.setContentHandler(content_handler)
    return parser


def configured_reader(content_handler):
    parser = xml.sax.make_parser()
    # ruleid: python.xml.sax-external-entities-enabled
    parser.setFeature(xml.sax.handler.feature_external_ges, False)
    parser.setContentHandler(content_handler)
    return parser


def url_feature_reader(content_handler):
    parser = xml.sax.make_parser()
    parser.setFeature(
        "http://xml.org/sax/features/external-general-entities",
        # ruleid: python.xml.sax-external-entities-enabled
        False,
    )
    parser.setContentHandler(content_handler)
    return parser


def safe_reader(content_handler):
    parser = xml.sax.make_parser()
    # ok: python.xml.sax-external-entities-enabled
    parser.setFeature(feature_external_ges, False)
    # ok: python.xml.sax-external-entities-enabled
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(content_handler)
    return parser


def pes_off(parser):
    # ok: python.xml.sax-external-entities-enabled
    parser.setFeature(feature_external_pes, False)
