import hashlib
import os
from hashlib import sha256, md5

import bcrypt
from argon2 import PasswordHasher

ph = PasswordHasher()


def hash_password(password, salt):
    # ruleid: python.crypto.password-hash-without-kdf
    return hashlib.sha256(salt + password.encode()).hexdigest()


def legacy_hash(user):
    # ruleid: python.crypto.password-hash-without-kdf
    return md5(user.password.encode("utf-8")).hexdigest()


def register(form, db):
    # ruleid: python.crypto.password-hash-without-kdf
    digest = sha256(form["password"].encode()).hexdigest()
    db.save(form["email"], digest)


def change_password(user, newPassword):
    # ruleid: python.crypto.password-hash-without-kdf
    user.password_hash = hashlib.sha512(newPassword.encode()).hexdigest()


def hash_by_name(algorithm, pwd):
    # ruleid: python.crypto.password-hash-without-kdf
    return hashlib.new(algorithm, pwd.encode()).hexdigest()


def incremental_hash(salt, password):
    h = hashlib.sha1()
    h.update(salt)
    # ruleid: python.crypto.password-hash-without-kdf
    h.update(password.encode())
    return h.hexdigest()


def hash_password_argon2(password):
    # ok: python.crypto.password-hash-without-kdf
    return ph.hash(password)


def hash_password_bcrypt(password):
    # ok: python.crypto.password-hash-without-kdf
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt())


def hash_password_pbkdf2(password):
    salt = os.urandom(16)
    # ok: python.crypto.password-hash-without-kdf
    return salt + hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


def verify_download(path, expected_md5):
    h = hashlib.md5()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            # ok: python.crypto.password-hash-without-kdf
            h.update(chunk)
    return h.hexdigest() == expected_md5


def download_checksum(data):
    # ok: python.crypto.password-hash-without-kdf
    return hashlib.md5(data).hexdigest()


def store_reset_token(token):
    # ok: python.crypto.password-hash-without-kdf
    return hashlib.sha256(token.encode()).hexdigest()


def password_reset_key(user):
    # ok: python.crypto.password-hash-without-kdf
    return hashlib.sha256(user.password_reset_token.encode()).hexdigest()


def audit_message(user):
    # ok: python.crypto.password-hash-without-kdf
    return hashlib.sha256(b"password changed for " + user.email.encode()).hexdigest()
