import ssl
from ssl import CERT_NONE

import certifi
import urllib3
from urllib3 import HTTPSConnectionPool
from urllib3.util.ssl_ import create_urllib3_context

NO_VERIFY = "CERT_NONE"


def make_pool():
    # ruleid: python.tls.cert-reqs-none
    return urllib3.PoolManager(cert_reqs="CERT_NONE")


def internal_pool(host):
    return HTTPSConnectionPool(
        host,
        port=8443,
        # ruleid: python.tls.cert-reqs-none
        cert_reqs=CERT_NONE,
        maxsize=4,
    )


def proxy(proxy_url):
    # ruleid: python.tls.cert-reqs-none
    return urllib3.ProxyManager(proxy_url, cert_reqs=NO_VERIFY)


def adapter_context():
    # ruleid: python.tls.cert-reqs-none
    return create_urllib3_context(cert_reqs=ssl.CERT_NONE)


def make_pool_safe():
    # ok: python.tls.cert-reqs-none
    return urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs=certifi.where())


def make_pool_default():
    # ok: python.tls.cert-reqs-none
    return urllib3.PoolManager(num_pools=10)


def adapter_context_safe():
    # ok: python.tls.cert-reqs-none
    return create_urllib3_context(cert_reqs=ssl.CERT_REQUIRED)


def describe(mode):
    # ok: python.tls.cert-reqs-none
    return mode == ssl.CERT_NONE
