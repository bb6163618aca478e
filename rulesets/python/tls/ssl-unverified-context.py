import http.client
import ssl
import urllib.request
from ssl import _create_unverified_context as insecure_context

# ruleid: python.tls.ssl-unverified-context
ssl._create_default_https_context = ssl._create_unverified_context


def fetch_intranet(path):
    # ruleid: python.tls.ssl-unverified-context
    ctx = ssl._create_unverified_context()
    with urllib.request.urlopen(f"https://intranet.example.com{path}", context=ctx) as resp:
        return resp.read()


def legacy_connection(host):
    # ruleid: python.tls.ssl-unverified-context
    return http.client.HTTPSConnection(host, context=insecure_context())


def client_cert_context(cert, key):
    # ruleid: python.tls.ssl-unverified-context
    ctx = ssl._create_unverified_context(certfile=cert, keyfile=key)
    return ctx


def fetch_intranet_safe(path):
    # ok: python.tls.ssl-unverified-context
    ctx = ssl.create_default_context(cafile="/etc/ssl/certs/internal-ca.pem")
    with urllib.request.urlopen(f"https://intranet.example.com{path}", context=ctx) as resp:
        return resp.read()


def secure_connection(host):
    # ok: python.tls.ssl-unverified-context
    return http.client.HTTPSConnection(host, context=ssl.create_default_context())


def restore_default():
    # ok: python.tls.ssl-unverified-context
    ssl._create_default_https_context = ssl.create_default_context
