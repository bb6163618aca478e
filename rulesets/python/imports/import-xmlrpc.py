"""Bridge to the legacy ticketing system's XML-RPC API."""
import importlib
# ruleid: python.imports.import-xmlrpc
import xmlrpc.client
# ruleid: python.imports.import-xmlrpc
from xmlrpc.server import SimpleXMLRPCServer
# ruleid: python.imports.import-xmlrpc
from xmlrpc import client as rpc
# ruleid: python.imports.import-xmlrpc
import xmlrpclib
# ruleid: python.imports.import-xmlrpc
import xmlrpc.client as xc, json
# ok: python.imports.import-xmlrpc
from defusedxml.xmlrpc import monkey_patch
# ok: python.imports.import-xmlrpc
import jsonrpcclient
# ok: python.imports.import-xmlrpc
from .legacy import xmlrpc_settings

monkey_patch()


def ticket_proxy(url):
    return xmlrpc.client.ServerProxy(url, allow_none=False)


def open_tickets(url):
    return rpc.ServerProxy(url).tickets.open()


def serve(host, port, handlers):
    server = SimpleXMLRPCServer((host, port), allow_none=False, logRequests=False)
    for handler in handlers:
        server.register_function(handler)
    return server


def client_module():
    # ruleid: python.imports.import-xmlrpc
    return importlib.import_module("xmlrpc.client")


def json_module():
    # ok: python.imports.import-xmlrpc
    return importlib.import_module("jsonrpcclient")


def lazy_fault():
    # ruleid: python.imports.import-xmlrpc
    from xmlrpc.client import Fault

    return Fault
