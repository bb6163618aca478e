import ssl
from ssl import PROTOCOL_SSLv3, get_server_certificate

from OpenSSL import SSL
from requests.adapters import HTTPAdapter

from netlib import tls as nettls


def fetch_cert(host):
    # ruleid: python.tls.bad-protocol-version-argument
    return ssl.get_server_certificate((host, 443), ssl_version=ssl.PROTOCOL_TLSv1)


def fetch_cert_legacy(host, port):
    return get_server_certificate(
        (host, port),
        # ruleid: python.tls.bad-protocol-version-argument
        ssl_version=PROTOCOL_SSLv3,
    )


class LegacyAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs):
        # ruleid: python.tls.bad-protocol-version-argument
        kwargs["ssl_context"] = nettls.make_context(method=SSL.TLSv1_1_METHOD)
        return super().init_poolmanager(*args, **kwargs)


def open_channel(host):
    # ruleid: python.tls.bad-protocol-version-argument
    return nettls.connect(host, method=SSL.SSLv23_METHOD, timeout=5)


def configured_context():
    # ruleid: python.tls.bad-protocol-version-argument
    return nettls.make_context(method="TLSv1_METHOD")


def fetch_cert_default(host):
    # ok: python.tls.bad-protocol-version-argument
    return ssl.get_server_certificate((host, 443))


def open_channel_modern(host):
    # ok: python.tls.bad-protocol-version-argument
    return nettls.connect(host, method=SSL.TLS_METHOD, timeout=5)


def http_call(session, url):
    # ok: python.tls.bad-protocol-version-argument
    return session.request(method="GET", url=url, timeout=10)


def negotiate(sock, host):
    # ok: python.tls.bad-protocol-version-argument
    return nettls.wrap(sock, host, ssl_version=ssl.PROTOCOL_TLS_CLIENT)
