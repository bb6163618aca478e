"""Loads the plugin manifests shipped as XML."""
import importlib
# ruleid: python.imports.import-xml-expatbuilder
import xml.dom.expatbuilder
# ruleid: python.imports.import-xml-expatbuilder
from xml.dom import expatbuilder
# ruleid: python.imports.import-xml-expatbuilder
from xml.dom.expatbuilder import parseString as parse_manifest
# ruleid: python.imports.import-xml-expatbuilder
import xml.dom.expatbuilder as eb
# ruleid: python.imports.import-xml-expatbuilder
from xml.dom import minidom, expatbuilder as builder
# ok: python.imports.import-xml-expatbuilder
from defusedxml import expatbuilder as safe_builder
# ok: python.imports.import-xml-expatbuilder
import defusedxml.expatbuilder
# ok: python.imports.import-xml-expatbuilder
from xml.dom import Node


def load_manifest(path):
    return safe_builder.parse(path)


def plugin_names(text):
    doc = defusedxml.expatbuilder.parseString(text)
    return [n.getAttribute("name") for n in doc.getElementsByTagName("plugin")
            if n.nodeType == Node.ELEMENT_NODE]


def builder_module():
    # ruleid: python.imports.import-xml-expatbuilder
    return importlib.import_module("xml.dom.expatbuilder")


def safe_builder_module():
    # ok: python.imports.import-xml-expatbuilder
    return importlib.import_module("defusedxml.expatbuilder")


def lazy_parse(path):
    # ruleid: python.imports.import-xml-expatbuilder
    from xml.dom.expatbuilder import parse

    return parse(path)
