import hashlib

import checksum


def file_fingerprint(data):
    # ruleid: weak-hash-args
    return hashlib.md5(data).hexdigest()


def hash_password(password, salt):
    # ruleid: weak-hash-args
    return hashlib.sha1(salt + password.encode("utf-8")).hexdigest()


def stream_digest(chunks):
    # tripline: an empty $...ARGS reads as nothing in the message (Semgrep prints `$...ARGS`)
    # ruleid: weak-hash-args
    digest = hashlib.md5()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


def sign(payload, key):
    # ruleid: weak-hash-args
    return hashlib.sha1(key + payload, usedforsecurity=True).digest()


def token_hash(token):
    # ruleid: weak-hash-args
    return hashlib.md5(string=token.encode()).hexdigest()


def file_fingerprint_strong(data):
    # ok: weak-hash-args
    return hashlib.sha256(data).hexdigest()


def cache_key(url):
    # ok: weak-hash-args
    return hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def etag(body):
    # ok: weak-hash-args
    return hashlib.blake2b(body, digest_size=16).hexdigest()


def legacy_checksum(data):
    # ok: weak-hash-args
    return checksum.md5(data)


def pick_hash(name):
    # ok: weak-hash-args
    factory = hashlib.md5 if name == "legacy" else hashlib.sha256
    return factory
