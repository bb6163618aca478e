import hashlib
import os
import re

import jwt
import requests


def etag(body):
    # ruleid: compat-string-forms
    return hashlib.new('md5', body).hexdigest()


def etag_raw(body):
    # ruleid: compat-string-forms
    return hashlib.new(r"md5", body).hexdigest()


def etag_unicode(body):
    # ruleid: compat-string-forms
    return hashlib.new(u"md5", body).hexdigest()


def etag_triple(body):
    # ruleid: compat-string-forms
    return hashlib.new("""md5""", body).hexdigest()


def etag_fstring(body):
    # An f-string without placeholders is matched like a plain string.
    # ruleid: compat-string-forms
    return hashlib.new(f"md5", body).hexdigest()


def etag_split(body):
    # Implicit concatenation in the code is matched as one string.
    # ruleid: compat-string-forms
    return hashlib.new("md" "5", body).hexdigest()


def etag_concat(body):
    # "md" + "5" is folded to a constant.
    # ruleid: compat-string-forms
    return hashlib.new("md" + "5", body).hexdigest()


def fetch_feed():
    # ruleid: compat-string-forms
    return requests.get("http://feeds.example.com/rss")


def post_metrics(data):
    # ruleid: compat-string-forms
    return requests.post('http://metrics.internal'
                         '/v1/push', data=data)


def issue_token(user_id):
    # ruleid: compat-string-forms
    return jwt.encode({"sub": user_id}, "s3cr3t-signing-key", algorithm="HS256")


def issue_token_bytes(user_id):
    # A str literal pattern ("...") also matches a bytes literal.
    # ruleid: compat-string-forms
    return jwt.encode({"sub": user_id}, b"s3cr3t-signing-key", algorithm="HS256")


def issue_token_empty(user_id):
    # ruleid: compat-string-forms
    return jwt.encode({"sub": user_id}, "", algorithm="HS256")


def order_id_pattern():
    # ruleid: compat-string-forms
    return re.compile(r'^(\d+)+$')


def etag_upper(body):
    # String literal patterns are case-sensitive.
    # ok: compat-string-forms
    return hashlib.new("MD5", body).hexdigest()


def etag_escaped(body):
    # Escape sequences are not decoded before comparing.
    # tripline: escapes are decoded: "m\x64" "5" is "md5" (Semgrep compares them undecoded)
    # ruleid: compat-string-forms
    return hashlib.new("m\x64" "5", body).hexdigest()


def digest(body):
    # ok: compat-string-forms
    return hashlib.new("sha256", body).hexdigest()


def fetch_feed_tls():
    # ok: compat-string-forms
    return requests.get("https://feeds.example.com/rss")


def fetch_host(host):
    # An f-string with a placeholder is not a string literal.
    # ok: compat-string-forms
    return requests.get(f"http://{host}/rss")


def fetch_concat(host):
    # ok: compat-string-forms
    return requests.get("http://" + host + "/rss")


def issue_token_env(user_id):
    # ok: compat-string-forms
    return jwt.encode({"sub": user_id}, os.environ["JWT_SECRET"], algorithm="HS256")


def order_id_pattern_escaped():
    # The same regex written without the r prefix is not matched.
    # tripline: strings are compared by value: "^(\\d+)+$" equals r"^(\d+)+$" (Semgrep compares raw forms)
    # ruleid: compat-string-forms
    return re.compile("^(\\d+)+$")


def order_id_pattern_upper_r():
    # Nor is it with an upper-case R prefix.
    # tripline: the raw-string prefix is case-insensitive in Python (Semgrep compares raw forms)
    # ruleid: compat-string-forms
    return re.compile(R"^(\d+)+$")
