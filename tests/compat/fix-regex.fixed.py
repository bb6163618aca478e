import hashlib


def file_fingerprint(data):
    # ruleid: compat-fix-regex
    return hashlib.sha256(data).hexdigest()


def api_signature(secret, payload):
    # ruleid: compat-fix-regex
    return hashlib.sha256(secret + payload, usedforsecurity=True).hexdigest()


def tagged_digest(data):
    # Every occurrence inside the match is replaced, including the tag.
    # ruleid: compat-fix-regex
    return hashlib.sha256(b"sha256:" + data).hexdigest()


def chunked_digest(chunks):
    # ruleid: compat-fix-regex
    digest = hashlib.sha256(
        b"".join(chunks)
    )
    return digest.hexdigest()


def label(data):
    # Text outside the match is left alone: this "md5" stays.
    # ok: compat-fix-regex
    return "md5", hashlib.sha256(data).hexdigest()


def blake(data):
    # ok: compat-fix-regex
    return hashlib.blake2b(data).hexdigest()


def legacy_name(data):
    # ok: compat-fix-regex
    return hashlib.new("md5", data).hexdigest()
