import hashlib
import hashlib as hl
from hashlib import md5, sha1 as legacy_sha1

LEGACY_ALGORITHM = "md5"


def verify_download(data, expected):
    # ruleid: python.crypto.hashlib-insecure-hash
    return hashlib.md5(data).hexdigest() == expected


def git_object_id(blob):
    # ruleid: python.crypto.hashlib-insecure-hash
    h = hashlib.sha1()
    h.update(b"blob %d\0" % len(blob))
    h.update(blob)
    return h.hexdigest()


def etag(body):
    # ruleid: python.crypto.hashlib-insecure-hash
    return '"%s"' % md5(body).hexdigest()


def signature(secret, payload):
    # ruleid: python.crypto.hashlib-insecure-hash
    return legacy_sha1(secret + payload).hexdigest()


def ntlm_hash(password):
    # ruleid: python.crypto.hashlib-insecure-hash
    return hl.new("MD4", password.encode("utf-16le")).hexdigest()


def digest_by_name(data):
    # ruleid: python.crypto.hashlib-insecure-hash
    return hashlib.new(name="sha1", data=data).digest()


def digest_legacy(data):
    # ruleid: python.crypto.hashlib-insecure-hash
    return hashlib.new(LEGACY_ALGORITHM, data).hexdigest()


def explicit_security(data):
    # ruleid: python.crypto.hashlib-insecure-hash
    return hashlib.md5(data, usedforsecurity=True).hexdigest()


def file_checksum(path):
    # ruleid: python.crypto.hashlib-insecure-hash
    h = hashlib.md5(
        b"",
    )
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            h.update(chunk)
    return h.hexdigest()


def cache_key(url):
    # ok: python.crypto.hashlib-insecure-hash
    return hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def legacy_format_id(data):
    # ok: python.crypto.hashlib-insecure-hash
    return hashlib.new("sha1", data, usedforsecurity=False).hexdigest()


def verify_download_sha256(data, expected):
    # ok: python.crypto.hashlib-insecure-hash
    return hashlib.sha256(data).hexdigest() == expected


def digest_sha512(data):
    # ok: python.crypto.hashlib-insecure-hash
    return hashlib.new("sha512", data).hexdigest()
