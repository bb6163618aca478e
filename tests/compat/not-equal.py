import hashlib
import hmac


def verify_hex(key, body, signature):
    mac = hmac.new(key, body, hashlib.sha256)
    # ruleid: compat-not-equal
    if signature != mac.hexdigest():
        raise PermissionError("bad signature")


def verify_hex_parenthesised(key, body, signature):
    mac = hmac.new(key, body, hashlib.sha256)
    # ruleid: compat-not-equal
    if (signature != mac.hexdigest()):
        raise PermissionError("bad signature")


def is_forged(key, body, signature):
    # ruleid: compat-not-equal
    return signature != hmac.new(key, body, hashlib.sha256).hexdigest()


def verify_raw(key, body, signature):
    mac = hmac.new(key, body, hashlib.sha256)
    # ruleid: compat-not-equal
    if not (signature == mac.digest()):
        raise PermissionError("bad signature")


def verify_raw_no_parens(key, body, signature):
    mac = hmac.new(key, body, hashlib.sha256)
    # ruleid: compat-not-equal
    if not signature == mac.digest():
        raise PermissionError("bad signature")


def verify_hex_negated(key, body, signature):
    mac = hmac.new(key, body, hashlib.sha256)
    # `not (a == b)` is not matched by `$A != $B`.
    # ok: compat-not-equal
    if not (signature == mac.hexdigest()):
        raise PermissionError("bad signature")


def verify_raw_not_equal(key, body, signature):
    mac = hmac.new(key, body, hashlib.sha256)
    # `a != b` is not matched by `not ($A == $B)`.
    # ok: compat-not-equal
    if signature != mac.digest():
        raise PermissionError("bad signature")


def verify_identity(key, body, signature):
    mac = hmac.new(key, body, hashlib.sha256)
    # ok: compat-not-equal
    if signature is not mac.hexdigest():
        raise PermissionError("bad signature")


def verify_chained(key, body, signature):
    mac = hmac.new(key, body, hashlib.sha256)
    # ok: compat-not-equal
    if "" != signature != mac.hexdigest():
        raise PermissionError("bad signature")


def verify_safely(key, body, signature):
    mac = hmac.new(key, body, hashlib.sha256)
    # ok: compat-not-equal
    if not hmac.compare_digest(signature, mac.hexdigest()):
        raise PermissionError("bad signature")
