import httpx
import requests
import requests as http
from requests import post

INTRANET = "https://intranet.example.com/api"
CA_BUNDLE = "/etc/ssl/certs/internal-ca.pem"
VERIFY_TLS = False


def fetch_status():
    # ruleid: python.tls.request-verify-disabled
    return requests.get(f"{INTRANET}/status", verify=True, timeout=10)


def submit(payload):
    return post(
        f"{INTRANET}/submit",
        json=payload,
        # ruleid: python.tls.request-verify-disabled
        verify=True,
        timeout=10,
    )


def remove(item_id):
    # ruleid: python.tls.request-verify-disabled
    return http.delete(f"{INTRANET}/items/{item_id}", verify=True, timeout=10)


def forward(method, url):
    # ruleid: python.tls.request-verify-disabled
    return requests.request(method, url, verify=True, timeout=10)


def make_client():
    # ruleid: python.tls.request-verify-disabled
    return httpx.Client(base_url=INTRANET, verify=True)


async def fetch_async(path):
    # ruleid: python.tls.request-verify-disabled
    async with httpx.AsyncClient(verify=True) as client:
        return await client.get(f"{INTRANET}{path}")


def fetch_status_safe():
    # ok: python.tls.request-verify-disabled
    return requests.get(f"{INTRANET}/status", timeout=10)


def submit_private_ca(payload):
    # ok: python.tls.request-verify-disabled
    return post(f"{INTRANET}/submit", json=payload, verify=CA_BUNDLE, timeout=10)


def make_client_safe():
    # ok: python.tls.request-verify-disabled
    return httpx.Client(base_url=INTRANET, verify=True)


def sign_payload(signer, payload):
    # ok: python.tls.request-verify-disabled
    return signer.sign(payload, verify=False)
