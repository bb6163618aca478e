"""Deployment entry points for the reporting app."""
import os
import sys
# ruleid: python.imports.import-httpoxy
from wsgiref.handlers import CGIHandler
# ruleid: python.imports.import-httpoxy
from wsgiref.handlers import CGIHandler as LegacyCGI
# ruleid: python.imports.import-httpoxy
from twisted.web.twcgi import CGIScript, CGIDirectory
# ruleid: python.imports.import-httpoxy
from twisted.web.twcgi import (
    CGIProcessProtocol,
    CGIScript as TwistedCGIScript,
)
# ok: python.imports.import-httpoxy
import wsgiref.handlers
# ok: python.imports.import-httpoxy
from wsgiref.handlers import SimpleHandler
# ok: python.imports.import-httpoxy
from twisted.web import twcgi, static

from reports.app import app


def run_cgi():
    # ruleid: python.imports.import-httpoxy
    CGIHandler().run(app)


def run_cgi_qualified():
    # ruleid: python.imports.import-httpoxy
    wsgiref.handlers.CGIHandler().run(app)


def cgi_resource(path):
    # ruleid: python.imports.import-httpoxy
    return twcgi.CGIScript(path)


def cgi_directory(path):
    # ruleid: python.imports.import-httpoxy
    return twcgi.CGIDirectory(
        path,
    )


def run_simple(environ):
    # ok: python.imports.import-httpoxy
    handler = SimpleHandler(sys.stdin.buffer, sys.stdout.buffer, sys.stderr, environ)
    handler.run(app)


def static_files(path):
    # ok: python.imports.import-httpoxy
    return static.File(path)


def run_server():
    from waitress import serve

    # ok: python.imports.import-httpoxy
    serve(app, host="127.0.0.1", port=int(os.environ.get("PORT", "8080")))
