import socket
import ssl
from ssl import PROTOCOL_TLSv1_1, wrap_socket

from OpenSSL import SSL
import OpenSSL.SSL as ossl


def legacy_client(host, port):
    sock = socket.create_connection((host, port))
    # ruleid: python.tls.ssl-bad-protocol-version
    return ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1)


def legacy_server(sock, cert, key):
    return wrap_socket(
        sock,
        certfile=cert,
        keyfile=key,
        server_side=True,
        # ruleid: python.tls.ssl-bad-protocol-version
        ssl_version=PROTOCOL_TLSv1_1,
    )


def sslv3_context():
    # ruleid: python.tls.ssl-bad-protocol-version
    return ssl.SSLContext(ssl.PROTOCOL_SSLv3)


def pyopenssl_context():
    # ruleid: python.tls.ssl-bad-protocol-version
    ctx = SSL.Context(SSL.TLSv1_METHOD)
    ctx.use_certificate_file("server.pem")
    return ctx


def pyopenssl_keyword():
    # ruleid: python.tls.ssl-bad-protocol-version
    return ossl.Context(method=ossl.SSLv23_METHOD)


def allow_old_clients(ctx):
    # ruleid: python.tls.ssl-bad-protocol-version
    ctx.minimum_version = ssl.TLSVersion.TLSv1
    return ctx


def pyopenssl_floor():
    ctx = SSL.Context(SSL.TLS_METHOD)
    # ruleid: python.tls.ssl-bad-protocol-version
    ctx.set_min_proto_version(SSL.TLS1_VERSION)
    return ctx


def cap_at_tls11(ctx):
    # ruleid: python.tls.ssl-bad-protocol-version
    ctx.maximum_version = ssl.TLSVersion.TLSv1_1
    return ctx


def modern_client(host, port):
    ctx = ssl.create_default_context()
    # ok: python.tls.ssl-bad-protocol-version
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    sock = socket.create_connection((host, port))
    return ctx.wrap_socket(sock, server_hostname=host)


def modern_server():
    # ok: python.tls.ssl-bad-protocol-version
    return ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)


def modern_pyopenssl():
    # ok: python.tls.ssl-bad-protocol-version
    ctx = SSL.Context(SSL.TLS_METHOD)
    ctx.set_min_proto_version(SSL.TLS1_2_VERSION)
    return ctx


def cap_version(ctx):
    # ok: python.tls.ssl-bad-protocol-version
    ctx.maximum_version = ssl.TLSVersion.TLSv1_3
    return ctx
