from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.rsa import generate_private_key
from Crypto.PublicKey import RSA
from Cryptodome.PublicKey import RSA as DomeRSA

LEGACY_KEY_BITS = 1024


def signing_key():
    # ruleid: python.crypto.rsa-key-below-2048-bits
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)


def positional_key():
    # ruleid: python.crypto.rsa-key-below-2048-bits
    return generate_private_key(65537, 1536)


def legacy_partner_key():
    # ruleid: python.crypto.rsa-key-below-2048-bits
    return rsa.generate_private_key(65537, LEGACY_KEY_BITS)


def legacy_key():
    # ruleid: python.crypto.rsa-key-below-2048-bits
    return RSA.generate(1024)


def dome_key():
    # ruleid: python.crypto.rsa-key-below-2048-bits
    return DomeRSA.generate(
        bits=1024,
    )


def modern_key():
    # ok: python.crypto.rsa-key-below-2048-bits
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def strong_key():
    # ok: python.crypto.rsa-key-below-2048-bits
    return RSA.generate(bits=4096)


def rsa_public_numbers(n):
    # ok: python.crypto.rsa-key-below-2048-bits
    return rsa.RSAPublicNumbers(65537, n)


def configured_key(bits):
    # ok: python.crypto.rsa-key-below-2048-bits
    return DomeRSA.generate(bits)
