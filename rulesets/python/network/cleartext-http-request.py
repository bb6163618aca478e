import httpx
import requests
from requests import get as http_get

BILLING_URL = "http://billing.example.com/charge"
LOCAL_HEALTH = "http://127.0.0.1:8080/health"


def charge(payload):
    # ruleid: python.network.cleartext-http-request
    return requests.post(BILLING_URL, json=payload, timeout=10)


def fetch_profile(user_id):
    # ruleid: python.network.cleartext-http-request
    return http_get(f"http://profiles.internal.example.com/users/{user_id}", timeout=5)


def lookup(host, path):
    # ruleid: python.network.cleartext-http-request
    return httpx.get("http://" + host + path)


def fetch_report(session: requests.Session):
    return session.get(
        # ruleid: python.network.cleartext-http-request
        "http://reports.example.com/latest.csv",
        timeout=30,
    )


def sync_inventory(items):
    session = requests.Session()
    # ruleid: python.network.cleartext-http-request
    return session.request("PUT", "HTTP://inventory.example.com/items", json=items, timeout=10)


def make_client():
    # ruleid: python.network.cleartext-http-request
    return httpx.Client(base_url="http://api.example.com/v1")


def charge_secure(payload):
    # ok: python.network.cleartext-http-request
    return requests.post("https://billing.example.com/charge", json=payload, timeout=10)


def health():
    # ok: python.network.cleartext-http-request
    return requests.get(LOCAL_HEALTH, timeout=2)


def dev_server(port):
    # ok: python.network.cleartext-http-request
    return httpx.get(f"http://localhost:{port}/status")


def loopback_v6():
    # ok: python.network.cleartext-http-request
    return requests.head("http://[::1]:9000/", timeout=2)


def from_config(settings):
    # ok: python.network.cleartext-http-request
    return requests.get(settings.api_url, timeout=10)


def spoofed_localhost():
    # ruleid: python.network.cleartext-http-request
    return requests.get("http://localhost.attacker.example/", timeout=5)


def build_link(host):
    # ok: python.network.cleartext-http-request
    return f"http://{host}/docs"
