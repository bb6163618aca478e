"""Legacy token encryption, kept while the old tokens expire."""
import importlib
import os
# ruleid: python.imports.import-pycrypto
from Crypto.Cipher import AES
# ruleid: python.imports.import-pycrypto
from Crypto.Hash import SHA256 as LegacySHA256
# ruleid: python.imports.import-pycrypto
import Crypto.Random
# ruleid: python.imports.import-pycrypto
from Crypto import Random
# ruleid: python.imports.import-pycrypto
from Crypto.Util.Padding import pad, unpad
# ruleid: python.imports.import-pycrypto
from Crypto.PublicKey import (
    RSA,
)
# ruleid: python.imports.import-pycrypto
import Crypto.Signature.pkcs1_15 as legacy_pkcs1
# ok: python.imports.import-pycrypto
from Cryptodome.Cipher import AES as DomeAES
# ok: python.imports.import-pycrypto
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
# ok: python.imports.import-pycrypto
import Crypto


def decrypt_legacy(key, blob):
    iv, body = blob[:16], blob[16:]
    return unpad(AES.new(key, AES.MODE_CBC, iv).decrypt(body), 16)


def encrypt(key, data):
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, data, None)


def encrypt_dome(key, data):
    cipher = DomeAES.new(key, DomeAES.MODE_GCM)
    body, tag = cipher.encrypt_and_digest(data)
    return cipher.nonce + tag + body


def cipher_module(name):
    if name == "legacy":
        # ruleid: python.imports.import-pycrypto
        return importlib.import_module("Crypto.Cipher.AES")
    # ok: python.imports.import-pycrypto
    return importlib.import_module("Cryptodome.Cipher.AES")


def lazy_key():
    # ruleid: python.imports.import-pycrypto
    from Crypto.PublicKey import RSA as LazyRSA

    return LazyRSA.generate(3072)
