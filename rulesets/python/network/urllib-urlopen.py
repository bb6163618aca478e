import shutil
import urllib.parse
import urllib.request
import urllib.request as urlreq
from urllib.request import urlretrieve

import requests
from six.moves.urllib.request import urlopen as six_urlopen


def fetch(url):
    # ruleid: python.network.urllib-urlopen
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.read()


def download(url, dest):
    # ruleid: python.network.urllib-urlopen
    path, _headers = urlretrieve(url, dest)
    return path


def fetch_feed(feed_url):
    # ruleid: python.network.urllib-urlopen
    req = urlreq.urlopen(urlreq.Request(feed_url, headers={"User-Agent": "feeds/1.0"}))
    return req.read().decode("utf-8")


def legacy_opener():
    # ruleid: python.network.urllib-urlopen
    return urllib.request.FancyURLopener()


def legacy_fetch(url):
    # ruleid: python.network.urllib-urlopen
    return six_urlopen(url).read()


def fetch_checked(url):
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(f"unsupported URL: {url}")
    # ok: python.network.urllib-urlopen
    return requests.get(url, timeout=10).content


def build_request(url):
    # ok: python.network.urllib-urlopen
    return urllib.request.Request(url, method="HEAD")


def copy_local(src, dest):
    # ok: python.network.urllib-urlopen
    shutil.copyfile(src, dest)


def open_with(opener, url):
    # ok: python.network.urllib-urlopen
    return opener.open(url)
