from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.rsa import generate_private_key
from Crypto.PublicKey import RSA
from Cryptodome.PublicKey import RSA as DomeRSA

TEST_KEY_BITS = 512


def toy_key():
    # ruleid: python.crypto.rsa-key-below-1024-bits
    return rsa.generate_private_key(public_exponent=65537, key_size=512)


def positional_key():
    # ruleid: python.crypto.rsa-key-below-1024-bits
    return generate_private_key(65537, 768)


def fixture_key():
    # ruleid: python.crypto.rsa-key-below-1024-bits
    return rsa.generate_private_key(65537, TEST_KEY_BITS)


def legacy_key():
    # ruleid: python.crypto.rsa-key-below-1024-bits
    return RSA.generate(768)


def dome_key():
    # ruleid: python.crypto.rsa-key-below-1024-bits
    return DomeRSA.generate(
        bits=512,
        e=65537,
    )


def modern_key():
    # ok: python.crypto.rsa-key-below-1024-bits
    return rsa.generate_private_key(public_exponent=65537, key_size=3072)


def ed25519_key():
    # ok: python.crypto.rsa-key-below-1024-bits
    return Ed25519PrivateKey.generate()


def configured_key(settings):
    # ok: python.crypto.rsa-key-below-1024-bits
    return rsa.generate_private_key(public_exponent=65537, key_size=settings.RSA_BITS)


def default_key():
    # ok: python.crypto.rsa-key-below-1024-bits
    return DomeRSA.generate(2048)
