from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from Crypto.Cipher import PKCS1_v1_5, PKCS1_OAEP
from Crypto.Signature import pkcs1_15
from Cryptodome.Cipher import PKCS1_v1_5 as DomePKCS1

OAEP = padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def wrap_key(public_key, data_key):
    # ruleid: python.crypto.rsa-pkcs1v15-encryption
    return public_key.encrypt(data_key, padding.PKCS1v15())


def unwrap_key(private_key, wrapped):
    # ruleid: python.crypto.rsa-pkcs1v15-encryption
    return private_key.decrypt(wrapped, PKCS1v15())


def legacy_encrypt(rsa_key, message):
    # ruleid: python.crypto.rsa-pkcs1v15-encryption
    cipher = PKCS1_v1_5.new(rsa_key)
    return cipher.encrypt(message)


def legacy_decrypt(rsa_key, ciphertext, sentinel):
    # ruleid: python.crypto.rsa-pkcs1v15-encryption
    return DomePKCS1.new(rsa_key).decrypt(ciphertext, sentinel)


def wrap_key_oaep(public_key, data_key):
    # ok: python.crypto.rsa-pkcs1v15-encryption
    return public_key.encrypt(data_key, OAEP)


def sign(private_key, payload):
    # ok: python.crypto.rsa-pkcs1v15-encryption
    return private_key.sign(payload, padding.PKCS1v15(), hashes.SHA256())


def verify(public_key, signature, payload):
    # ok: python.crypto.rsa-pkcs1v15-encryption
    public_key.verify(signature, payload, padding.PKCS1v15(), hashes.SHA256())


def oaep_encrypt(rsa_key, message):
    # ok: python.crypto.rsa-pkcs1v15-encryption
    return PKCS1_OAEP.new(rsa_key).encrypt(message)


def pycryptodome_sign(rsa_key, digest):
    # ok: python.crypto.rsa-pkcs1v15-encryption
    return pkcs1_15.new(rsa_key).sign(digest)
