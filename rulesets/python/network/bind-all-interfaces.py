import os
import socket
from http.server import HTTPServer, SimpleHTTPRequestHandler
from socketserver import TCPServer as Server

import uvicorn
from flask import Flask

app = Flask(__name__)

# ruleid: python.network.bind-all-interfaces
DEFAULT_HOST = "0.0.0.0"


def serve_static(port):
    # ruleid: python.network.bind-all-interfaces
    httpd = HTTPServer(("0.0.0.0", port), SimpleHTTPRequestHandler)
    httpd.serve_forever()


def start_metrics_listener(handler):
    # ruleid: python.network.bind-all-interfaces
    server = Server(("0.0.0.0", 9100), handler)
    return server


def open_socket(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((
        # ruleid: python.network.bind-all-interfaces
        "0.0.0.0",
        port,
    ))
    return sock


def run_api():
    # ruleid: python.network.bind-all-interfaces
    uvicorn.run("service.api:app", host="0.0.0.0", port=8000)


def gunicorn_options():
    # ruleid: python.network.bind-all-interfaces
    return {"bind": "0.0.0.0:8000", "workers": 4}


def is_wildcard(host):
    # ruleid: python.network.bind-all-interfaces
    return host == "0.0.0.0"


def run_dev():
    # ok: python.network.bind-all-interfaces
    app.run(host="127.0.0.1", port=5000)


def run_configured():
    # ok: python.network.bind-all-interfaces
    app.run(host=os.environ.get("APP_HOST", "127.0.0.1"), port=5000)


def firewall_rule():
    # ok: python.network.bind-all-interfaces
    return {"cidr": "0.0.0.0/0", "action": "deny"}


def loopback_v6(port):
    sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    # ok: python.network.bind-all-interfaces
    sock.bind(("::1", port))
    return sock


def netmask():
    # ok: python.network.bind-all-interfaces
    return "10.0.0.0"
