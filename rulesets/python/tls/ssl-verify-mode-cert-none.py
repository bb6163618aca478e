import socket
import ssl
from ssl import CERT_NONE

from OpenSSL import SSL


def insecure_client(host, port):
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    # ruleid: python.tls.ssl-verify-mode-cert-none
    ctx.verify_mode = ssl.CERT_NONE
    return ctx.wrap_socket(socket.create_connection((host, port)))


class MetricsExporter:
    def __init__(self):
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self.context.check_hostname = False
        # ruleid: python.tls.ssl-verify-mode-cert-none
        self.context.verify_mode = CERT_NONE


def pyopenssl_client():
    ctx = SSL.Context(SSL.TLS_METHOD)
    # ruleid: python.tls.ssl-verify-mode-cert-none
    ctx.set_verify(SSL.VERIFY_NONE, lambda *args: True)
    return ctx


def secure_client(host, port):
    ctx = ssl.create_default_context(cafile="/etc/ssl/certs/internal-ca.pem")
    # ok: python.tls.ssl-verify-mode-cert-none
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx.wrap_socket(socket.create_connection((host, port)), server_hostname=host)


def mutual_tls_server(cert, key, ca):
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH, cafile=ca)
    ctx.load_cert_chain(cert, key)
    # ok: python.tls.ssl-verify-mode-cert-none
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx


def pyopenssl_verified():
    ctx = SSL.Context(SSL.TLS_METHOD)
    # ok: python.tls.ssl-verify-mode-cert-none
    ctx.set_verify(SSL.VERIFY_PEER | SSL.VERIFY_FAIL_IF_NO_PEER_CERT)
    return ctx


def is_unverified(ctx):
    # ok: python.tls.ssl-verify-mode-cert-none
    return ctx.verify_mode == ssl.CERT_NONE
