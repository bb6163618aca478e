import socket
import ssl
import ssl as tls
from ssl import wrap_socket

CA_FILE = "/etc/ssl/certs/internal-ca.pem"


def open_tls(host, port):
    sock = socket.create_connection((host, port))
    # ruleid: python.tls.ssl-wrap-socket-no-version
    return ssl.wrap_socket(sock, ca_certs=CA_FILE, cert_reqs=ssl.CERT_REQUIRED)


def serve_tls(sock, cert, key):
    # ruleid: python.tls.ssl-wrap-socket-no-version
    return wrap_socket(
        sock,
        certfile=cert,
        keyfile=key,
        server_side=True,
    )


def open_configured(sock, settings):
    return tls.wrap_socket(
        sock,
        # ruleid: python.tls.ssl-wrap-socket-no-version
        ssl_version=settings.get("tls_version"),
    )


def open_tls_safe(host, port):
    ctx = ssl.create_default_context(cafile=CA_FILE)
    sock = socket.create_connection((host, port))
    # ok: python.tls.ssl-wrap-socket-no-version
    return ctx.wrap_socket(sock, server_hostname=host)


def open_pinned(sock):
    # ok: python.tls.ssl-wrap-socket-no-version
    return ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1_2)


def open_chosen(sock, version):
    # ok: python.tls.ssl-wrap-socket-no-version
    return ssl.wrap_socket(sock, ssl_version=version)
