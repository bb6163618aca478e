import httpx
import requests
from requests import Session

INTRANET = "https://intranet.example.com/api"
CA_BUNDLE = "/etc/ssl/certs/internal-ca.pem"


def make_session(token):
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    # ruleid: python.tls.http-client-verify-disabled
    session.verify = False
    return session


class InventoryClient:
    def __init__(self):
        self.http = Session()

    def items(self):
        # ruleid: python.tls.http-client-verify-disabled
        return self.http.get(f"{INTRANET}/items", verify=False, timeout=10).json()

    def upload(self, prepared):
        return self.http.send(
            prepared,
            # ruleid: python.tls.http-client-verify-disabled
            verify=False,
            timeout=30,
        )


def make_transport():
    # ruleid: python.tls.http-client-verify-disabled
    transport = httpx.HTTPTransport(retries=3, verify=False)
    return httpx.Client(transport=transport)


async def async_transport():
    # ruleid: python.tls.http-client-verify-disabled
    transport = httpx.AsyncHTTPTransport(verify=False)
    return httpx.AsyncClient(transport=transport)


def make_session_safe(token):
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    # ok: python.tls.http-client-verify-disabled
    session.verify = CA_BUNDLE
    return session


def items_safe(session):
    # ok: python.tls.http-client-verify-disabled
    return session.get(f"{INTRANET}/items", timeout=10).json()


def make_transport_safe():
    # ok: python.tls.http-client-verify-disabled
    return httpx.HTTPTransport(retries=3, verify=CA_BUNDLE)


def sign(signer, payload):
    # ok: python.tls.http-client-verify-disabled
    return signer.sign(payload, verify=False)
