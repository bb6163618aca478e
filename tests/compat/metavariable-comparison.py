import hashlib
import os

import jwt

SHARED_MODE = 0o777
ITERATIONS = 1000


def publish(path):
    # ruleid: compat-metavariable-comparison
    os.chmod(path, 0o777)


def publish_decimal(path):
    # 777 is decimal here (0o1411), which is > 0o755.
    # ruleid: compat-metavariable-comparison
    os.chmod(path, 777)


def publish_decimal_750(path):
    # Read as decimal despite `base: 8`: 750 > 0o755 (493).
    # ruleid: compat-metavariable-comparison
    os.chmod(path, 750)


def publish_computed(path):
    # Constant expressions are evaluated: 0o700 | 0o077 == 0o777.
    # ruleid: compat-metavariable-comparison
    os.chmod(path, 0o700 | 0o077)


def publish_shared(path):
    # ruleid: compat-metavariable-comparison
    os.chmod(path, SHARED_MODE)


def publish_group(path):
    # 0o642 < 0o755, but it is world-writable.
    # ruleid: compat-metavariable-comparison
    os.chmod(path, 0o642)


def hash_password(password, salt):
    # ruleid: compat-metavariable-comparison
    return hashlib.pbkdf2_hmac("sha256", password, salt, ITERATIONS)


def hash_password_weak(password, salt):
    # ruleid: compat-metavariable-comparison
    return hashlib.pbkdf2_hmac("sha256", password, salt, 50_000)


def checksum(data):
    # ruleid: compat-metavariable-comparison
    return hashlib.new('md5', data).hexdigest()


def checksum_sha1(data):
    # ruleid: compat-metavariable-comparison
    return hashlib.new("sha1", data).hexdigest()


def decode_token(token, key):
    # ruleid: compat-metavariable-comparison
    return jwt.decode(token, key, algorithms=["HS256", "None"])


def remember_me(resp, token):
    # ruleid: compat-metavariable-comparison
    resp.set_cookie("remember", token, max_age=90 * 86400)


def serve(app):
    # ruleid: compat-metavariable-comparison
    app.run(host="0.0.0.0", port="80")


def publish_private(path):
    # ok: compat-metavariable-comparison
    os.chmod(path, 0o600)


def publish_default(path):
    # ok: compat-metavariable-comparison
    os.chmod(path, 0o755)


def publish_string(path):
    # A string is never greater than a number.
    # ok: compat-metavariable-comparison
    os.chmod(path, "777")


def publish_variable(path, mode):
    # ok: compat-metavariable-comparison
    os.chmod(path, mode)


def hash_password_strong(password, salt):
    # ok: compat-metavariable-comparison
    return hashlib.pbkdf2_hmac("sha256", password, salt, 600_000)


def checksum_strong(data):
    # ok: compat-metavariable-comparison
    return hashlib.new("sha256", data).hexdigest()


def checksum_upper(data):
    # String comparison is case-sensitive.
    # ok: compat-metavariable-comparison
    return hashlib.new("MD5", data).hexdigest()


def decode_token_strict(token, key):
    # ok: compat-metavariable-comparison
    return jwt.decode(token, key, algorithms=["HS256"])


def remember_me_short(resp, token):
    # ok: compat-metavariable-comparison
    resp.set_cookie("remember", token, max_age=7 * 86400)


def serve_high(app):
    # ok: compat-metavariable-comparison
    app.run(host="127.0.0.1", port="8080")
