import os

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305
from cryptography.hazmat.primitives.ciphers.modes import OFB as OutputFeedback
from Crypto.Cipher import AES
from Cryptodome.Cipher import ChaCha20 as DomeChaCha20

STATIC_NONCE = b"\x00" * 12
LEGACY_IV = b"0123456789abcdef"


def encrypt_gcm(key, data):
    # ruleid: python.crypto.static-iv
    return AESGCM(key).encrypt(STATIC_NONCE, data, None)


def encrypt_cbc(key, padded):
    # ruleid: python.crypto.static-iv
    enc = Cipher(algorithms.AES(key), modes.CBC(b"\x00" * 16)).encryptor()
    return enc.update(padded) + enc.finalize()


def encrypt_ctr(key, data):
    # ruleid: python.crypto.static-iv
    enc = Cipher(algorithms.AES(key), modes.CTR(bytes(16))).encryptor()
    return enc.update(data) + enc.finalize()


def encrypt_legacy(key, padded):
    # ruleid: python.crypto.static-iv
    return AES.new(key, AES.MODE_CBC, LEGACY_IV).encrypt(padded)


def encrypt_eax(key, data):
    # ruleid: python.crypto.static-iv
    cipher = AES.new(key, AES.MODE_EAX, nonce=b"fixed-nonce-1234")
    return cipher.encrypt_and_digest(data)


def encrypt_chacha(key, data):
    # ruleid: python.crypto.static-iv
    return DomeChaCha20.new(key=key, nonce="12345678".encode()).encrypt(data)


def encrypt_stream(key, data):
    nonce = b"0" * 12
    box = ChaCha20Poly1305(key)
    # ruleid: python.crypto.static-iv
    return box.encrypt(nonce, data, b"header")


def encrypt_multiline(key, padded):
    cipher = AES.new(
        key,
        AES.MODE_CBC,
        # ruleid: python.crypto.static-iv
        iv=b"abcdefghijklmnop",
    )
    return cipher.encrypt(padded)


def encrypt_ofb(key, data):
    # ruleid: python.crypto.static-iv
    enc = Cipher(algorithms.AES(key), OutputFeedback(LEGACY_IV)).encryptor()
    return enc.update(data) + enc.finalize()


def encrypt_gcm_random(key, data):
    nonce = os.urandom(12)
    # ok: python.crypto.static-iv
    return nonce + AESGCM(key).encrypt(nonce, data, None)


def encrypt_cbc_random(key, padded):
    iv = os.urandom(16)
    # ok: python.crypto.static-iv
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return iv + enc.update(padded) + enc.finalize()


def encrypt_eax_default(key, data):
    # ok: python.crypto.static-iv
    cipher = AES.new(key, AES.MODE_EAX)
    return cipher.nonce, cipher.encrypt_and_digest(data)


def encrypt_with_literal_key(data):
    # ok: python.crypto.static-iv
    cipher = AES.new(b"k" * 16, AES.MODE_GCM)
    return cipher.nonce, cipher.encrypt_and_digest(data)


def decrypt_gcm(key, blob):
    # ok: python.crypto.static-iv
    return AESGCM(key).decrypt(blob[:12], blob[12:], None)
