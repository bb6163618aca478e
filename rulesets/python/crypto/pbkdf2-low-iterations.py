import hashlib
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from Crypto.Hash import SHA512
from Cryptodome.Protocol.KDF import PBKDF2

LEGACY_ITERATIONS = 10_000


def hash_password(password):
    salt = os.urandom(16)
    # ruleid: python.crypto.pbkdf2-low-iterations
    return salt + hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 100_000)


def legacy_hash(password, salt):
    # ruleid: python.crypto.pbkdf2-low-iterations
    return hashlib.pbkdf2_hmac("sha1", password.encode(), salt, iterations=1_000_000)


def derive_key(password, salt):
    kdf = PBKDF2HMAC(
        algorithm=hashes.SHA256(),
        length=32,
        salt=salt,
        # ruleid: python.crypto.pbkdf2-low-iterations
        iterations=LEGACY_ITERATIONS,
    )
    return kdf.derive(password.encode())


def derive_key_sha512(password, salt):
    # ruleid: python.crypto.pbkdf2-low-iterations
    kdf = PBKDF2HMAC(algorithm=hashes.SHA512(), length=64, salt=salt, iterations=100_000)
    return kdf.derive(password.encode())


def dome_key(password, salt):
    # ruleid: python.crypto.pbkdf2-low-iterations
    return PBKDF2(password, salt, 32, count=600_000)


def dome_key_default(password, salt):
    # ruleid: python.crypto.pbkdf2-low-iterations
    return PBKDF2(password, salt, dkLen=32)


def hash_password_strong(password):
    salt = os.urandom(16)
    # ok: python.crypto.pbkdf2-low-iterations
    return salt + hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


def derive_key_sha512_strong(password, salt):
    # ok: python.crypto.pbkdf2-low-iterations
    kdf = PBKDF2HMAC(algorithm=hashes.SHA512(), length=64, salt=salt, iterations=250_000)
    return kdf.derive(password.encode())


def dome_key_sha512(password, salt):
    # ok: python.crypto.pbkdf2-low-iterations
    return PBKDF2(password, salt, 64, count=300_000, hmac_hash_module=SHA512)


def hash_with_stored_cost(password, salt, iterations):
    # ok: python.crypto.pbkdf2-low-iterations
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
