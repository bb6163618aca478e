import httpx
import requests
import requests as http
from requests import post

API = "https://api.example.com"
DEFAULT_TIMEOUT = 10


def fetch_user(user_id):
    # ruleid: python.network.request-without-timeout
    resp = requests.get(f"{API}/users/{user_id}")
    resp.raise_for_status()
    return resp.json()


def create_order(order):
    # ruleid: python.network.request-without-timeout
    return post(f"{API}/orders", json=order)


def delete_item(item_id, headers):
    # ruleid: python.network.request-without-timeout
    return http.delete(
        f"{API}/items/{item_id}",
        headers=headers,
    )


def ping():
    # ruleid: python.network.request-without-timeout
    return requests.head(API, timeout=None)


def forward(method, url, **kwargs):
    # ruleid: python.network.request-without-timeout
    return requests.request(method, url, **kwargs)


def upload(path, settings):
    with open(path, "rb") as fh:
        # ruleid: python.network.request-without-timeout
        return requests.put(f"{API}/files", data=fh, timeout=settings.get("upload_timeout"))


def slow_report():
    # ruleid: python.network.request-without-timeout
    return requests.get(f"{API}/report", timeout=60 * 5)


def sync_all(ids):
    session = requests.Session()
    session.headers["Authorization"] = "Bearer ..."
    for item_id in ids:
        # ruleid: python.network.request-without-timeout
        session.patch(f"{API}/items/{item_id}", json={"synced": True})


def stream_events():
    # ruleid: python.network.request-without-timeout
    with httpx.stream("GET", f"{API}/events", timeout=None) as resp:
        yield from resp.iter_lines()


def make_client():
    # ruleid: python.network.request-without-timeout
    return httpx.Client(base_url=API, timeout=None)


def fetch_user_safe(user_id):
    # ok: python.network.request-without-timeout
    return requests.get(f"{API}/users/{user_id}", timeout=10)


def create_order_safe(order):
    # ok: python.network.request-without-timeout
    return post(f"{API}/orders", json=order, timeout=(3.05, 27))


def delete_item_configured(item_id, config):
    # ok: python.network.request-without-timeout
    return http.delete(f"{API}/items/{item_id}", timeout=config.http_timeout)


def options_probe():
    # ok: python.network.request-without-timeout
    return requests.options(API, timeout=DEFAULT_TIMEOUT)


def fetch_with_httpx(user_id):
    # ok: python.network.request-without-timeout
    return httpx.get(f"{API}/users/{user_id}")


def parse(response):
    # ok: python.network.request-without-timeout
    return response.json().get("items", [])


def cache_lookup(cache, key):
    # ok: python.network.request-without-timeout
    return cache.get(key)


def fetch_aliased(url):
    from requests import get as fetch

    # ruleid: python.network.request-without-timeout
    return fetch(url)
