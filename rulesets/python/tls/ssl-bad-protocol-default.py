import socket
import ssl
from ssl import PROTOCOL_TLSv1

import OpenSSL.SSL as ossl
from OpenSSL import SSL


# ruleid: python.tls.ssl-bad-protocol-default
def connect(host, port, protocol=ssl.PROTOCOL_TLSv1):
    ctx = ssl.SSLContext(protocol)
    return ctx.wrap_socket(socket.create_connection((host, port)), server_hostname=host)


class LegacyServer:
    # ruleid: python.tls.ssl-bad-protocol-default
    def make_context(
        self,
        cert,
        method=SSL.SSLv3_METHOD,
    ):
        ctx = SSL.Context(method)
        ctx.use_certificate_file(cert)
        return ctx


# ruleid: python.tls.ssl-bad-protocol-default
def make_pyopenssl_context(method=ossl.TLSv1_1_METHOD):
    return ossl.Context(method)


# ruleid: python.tls.ssl-bad-protocol-default
def legacy_context(*, protocol: int = PROTOCOL_TLSv1):
    return ssl.SSLContext(protocol)


# ok: python.tls.ssl-bad-protocol-default
def connect_safe(host, port, protocol=ssl.PROTOCOL_TLS_CLIENT):
    ctx = ssl.SSLContext(protocol)
    return ctx.wrap_socket(socket.create_connection((host, port)), server_hostname=host)


# ok: python.tls.ssl-bad-protocol-default
def make_context(method=SSL.TLS_METHOD, verify=True):
    return SSL.Context(method)


# ok: python.tls.ssl-bad-protocol-default
def make_context_pinned(protocol=None):
    return ssl.SSLContext(protocol or ssl.PROTOCOL_TLS_CLIENT)
