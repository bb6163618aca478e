"""Loads the plugin manifests shipped as XML."""
from xml.dom import expatbuilder
from xml.dom.expatbuilder import parseString as parse_manifest_text
import xml.dom.expatbuilder

from defusedxml import expatbuilder as safe_builder


def load_manifest(path):
    # ruleid: python.xml.expatbuilder-parse
    return expatbuilder.parse(path)


def manifest_from_text(text):
    # ruleid: python.xml.expatbuilder-parse
    return parse_manifest_text(text)


def manifest_from_upload(upload):
    # ruleid: python.xml.expatbuilder-parse
    return xml.dom.expatbuilder.parseString(
        upload.read(),
        namespaces=True,
    )


def load_manifest_safely(path):
    # ok: python.xml.expatbuilder-parse
    return safe_builder.parse(path)


def builder_options():
    # ok: python.xml.expatbuilder-parse
    return expatbuilder.ExpatBuilder()


def plugin_names(doc):
    # ok: python.xml.expatbuilder-parse
    return [n.getAttribute("name") for n in doc.getElementsByTagName("plugin")]
