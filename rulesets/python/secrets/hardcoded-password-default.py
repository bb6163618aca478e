import os
from functools import lru_cache as cached

import psycopg
import requests


# ruleid: python.secrets.hardcoded-password-default
def connect(host, user="app", password="s3cr3t-Pa55"):
    return psycopg.connect(host=host, user=user, password=password)


class GitHubClient:
    # ruleid: python.secrets.hardcoded-password-default
    def __init__(
        self,
        base_url="https://api.github.com",
        api_token="ghp-example-placeholder",
    ):
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"token {api_token}"
        self.base_url = base_url


# ruleid: python.secrets.hardcoded-password-default
async def unlock(keystore, *, passphrase: str = "changeit"):
    return await keystore.unlock(passphrase)


def route(path):
    return lambda func: func


@route("/login")
# ruleid: python.secrets.hardcoded-password-default
def login(username, pwd=""):
    return username, pwd


@cached(maxsize=1)
# ruleid: python.secrets.hardcoded-password-default
def admin_session(base_url, admin_token="adm-7f3e2c91"):
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {admin_token}"
    return session


# ok: python.secrets.hardcoded-password-default
def connect_safe(host, user="app", password=None):
    password = password or os.environ["DB_PASSWORD"]
    return psycopg.connect(host=host, user=user, password=password)


# ok: python.secrets.hardcoded-password-default
def render_form(label="Password", token_length=32):
    return {"label": label, "length": token_length}


# ok: python.secrets.hardcoded-password-default
def fetch(url, auth_header=os.environ.get("AUTH_HEADER", "")):
    return requests.get(url, headers={"Authorization": auth_header}, timeout=10)
