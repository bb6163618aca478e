"""Low-level SAX reader for the catalogue feed."""
import xml.sax.expatreader
from xml.sax import expatreader
from xml.sax.expatreader import create_parser as new_reader

from defusedxml import expatreader as safe_expatreader


def reader_for(handler):
    # ruleid: python.xml.expatreader-create-parser
    parser = expatreader.create_parser()
    parser.setContentHandler(handler)
    return parser


def qualified_reader(handler):
    # ruleid: python.xml.expatreader-create-parser
    parser = xml.sax.expatreader.create_parser()
    parser.setContentHandler(handler)
    return parser


def aliased_reader(handler):
    # ruleid: python.xml.expatreader-create-parser
    parser = new_reader()
    parser.setContentHandler(handler)
    return parser


def safe_reader(handler):
    # ok: python.xml.expatreader-create-parser
    parser = safe_expatreader.create_parser()
    parser.setContentHandler(handler)
    return parser


def reader_class():
    # ok: python.xml.expatreader-create-parser
    return expatreader.ExpatParser


def parse(parser, stream):
    # ok: python.xml.expatreader-create-parser
    parser.parse(stream)
