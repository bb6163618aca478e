from Crypto.Cipher import DES3
from Cryptodome.Cipher import AES
from Cryptodome.Cipher import AES as BlockCipher
from Cryptodome.Util.Padding import pad
import Crypto.Cipher.AES


def encrypt_record(key, data):
    # ruleid: python.crypto.pycryptodome-ecb-mode
    return AES.new(key, AES.MODE_ECB).encrypt(pad(data, 16))


def decrypt_record(key, data):
    # ruleid: python.crypto.pycryptodome-ecb-mode
    cipher = BlockCipher.new(key, mode=BlockCipher.MODE_ECB)
    return cipher.decrypt(data)


def legacy_encrypt(key, data):
    # ruleid: python.crypto.pycryptodome-ecb-mode
    return Crypto.Cipher.AES.new(key, Crypto.Cipher.AES.MODE_ECB).encrypt(data)


def triple_des_block(key, block):
    # ruleid: python.crypto.pycryptodome-ecb-mode
    return DES3.new(key, DES3.MODE_ECB).encrypt(block)


def encrypt_gcm(key, data):
    # ok: python.crypto.pycryptodome-ecb-mode
    cipher = AES.new(key, AES.MODE_GCM)
    body, tag = cipher.encrypt_and_digest(data)
    return cipher.nonce + tag + body


def encrypt_cbc(key, iv, data):
    # ok: python.crypto.pycryptodome-ecb-mode
    return AES.new(key, AES.MODE_CBC, iv=iv).encrypt(pad(data, 16))


def supported_modes():
    # ok: python.crypto.pycryptodome-ecb-mode
    return [AES.MODE_ECB, AES.MODE_GCM]
