import os

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.modes import ECB as ElectronicCodebook, GCM
import cryptography.hazmat.primitives.ciphers.modes


def encrypt_block(key, padded):
    # ruleid: python.crypto.cipher-mode-ecb
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return enc.update(padded) + enc.finalize()


def decrypt_block(key, data):
    dec = Cipher(
        algorithms.AES(key),
        # ruleid: python.crypto.cipher-mode-ecb
        ElectronicCodebook(),
    ).decryptor()
    return dec.update(data) + dec.finalize()


def legacy_mode():
    # ruleid: python.crypto.cipher-mode-ecb
    return cryptography.hazmat.primitives.ciphers.modes.ECB()


def encrypt_gcm(key, data):
    iv = os.urandom(12)
    # ok: python.crypto.cipher-mode-ecb
    enc = Cipher(algorithms.AES(key), GCM(iv)).encryptor()
    body = enc.update(data) + enc.finalize()
    return iv + body + enc.tag


def encrypt_cbc(key, iv, padded):
    # ok: python.crypto.cipher-mode-ecb
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return enc.update(padded) + enc.finalize()


def mode_name(config):
    # ok: python.crypto.cipher-mode-ecb
    return config.modes.ECB()
