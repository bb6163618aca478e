import os

from Crypto.Cipher import ARC4, DES, DES3, XOR
from Cryptodome.Cipher import Blowfish as DomeBlowfish, ARC2 as DomeARC2, AES as DomeAES
from cryptography.hazmat.decrepit.ciphers import algorithms as decrepit
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.ciphers.algorithms import IDEA


def legacy_token(key, data):
    # ruleid: python.crypto.insecure-cipher
    return ARC4.new(key).encrypt(data)


def legacy_des(key, data):
    # ruleid: python.crypto.insecure-cipher
    cipher = DES.new(key, DES.MODE_CBC, iv=os.urandom(8))
    return cipher.iv + cipher.encrypt(data)


def legacy_3des(key, data):
    # ruleid: python.crypto.insecure-cipher
    cipher = DES3.new(key, DES3.MODE_EAX)
    return cipher.nonce + cipher.encrypt(data)


def obfuscate(key, data):
    # ruleid: python.crypto.insecure-cipher
    return XOR.new(key).encrypt(data)


def blowfish(key, iv, data):
    # ruleid: python.crypto.insecure-cipher
    return DomeBlowfish.new(key, DomeBlowfish.MODE_CBC, iv).encrypt(data)


def rc2(key, iv, data):
    # ruleid: python.crypto.insecure-cipher
    return DomeARC2.new(key, DomeARC2.MODE_CBC, iv).encrypt(data)


def triple_des(key, iv, data):
    enc = Cipher(
        # ruleid: python.crypto.insecure-cipher
        algorithms.TripleDES(key),
        modes.CBC(iv),
    ).encryptor()
    return enc.update(data) + enc.finalize()


def rc4_stream(key, data):
    # ruleid: python.crypto.insecure-cipher
    enc = Cipher(algorithms.ARC4(key), mode=None).encryptor()
    return enc.update(data)


def idea(key, iv, data):
    # ruleid: python.crypto.insecure-cipher
    enc = Cipher(IDEA(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def cast5(key, iv, data):
    # ruleid: python.crypto.insecure-cipher
    enc = Cipher(decrepit.CAST5(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def seed(key, iv, data):
    # ruleid: python.crypto.insecure-cipher
    enc = Cipher(algorithms.SEED(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def encrypt(key, data):
    nonce = os.urandom(12)
    # ok: python.crypto.insecure-cipher
    return nonce + AESGCM(key).encrypt(nonce, data, None)


def encrypt_aes_cbc(key, iv, data):
    # ok: python.crypto.insecure-cipher
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def encrypt_dome(key, data):
    # ok: python.crypto.insecure-cipher
    cipher = DomeAES.new(key, DomeAES.MODE_GCM)
    body, tag = cipher.encrypt_and_digest(data)
    return cipher.nonce + tag + body


def des_mode_constant():
    # ok: python.crypto.insecure-cipher
    return DES.MODE_CBC
