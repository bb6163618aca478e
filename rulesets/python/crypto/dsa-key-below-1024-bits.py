from cryptography.hazmat.primitives.asymmetric import dsa
from cryptography.hazmat.primitives.asymmetric.dsa import generate_private_key
from Crypto.PublicKey import DSA
from Cryptodome.PublicKey import DSA as DomeDSA


def toy_key():
    # ruleid: python.crypto.dsa-key-below-1024-bits
    return dsa.generate_private_key(key_size=512)


def positional_key():
    # ruleid: python.crypto.dsa-key-below-1024-bits
    return generate_private_key(768)


def toy_parameters():
    # ruleid: python.crypto.dsa-key-below-1024-bits
    return dsa.generate_parameters(512).generate_private_key()


def legacy_key():
    # ruleid: python.crypto.dsa-key-below-1024-bits
    return DSA.generate(512)


def dome_key():
    # ruleid: python.crypto.dsa-key-below-1024-bits
    return DomeDSA.generate(bits=768)


def modern_key():
    # ok: python.crypto.dsa-key-below-1024-bits
    return dsa.generate_private_key(key_size=3072)


def load_key(pem):
    # ok: python.crypto.dsa-key-below-1024-bits
    return DSA.import_key(pem)


def configured_key(bits):
    # ok: python.crypto.dsa-key-below-1024-bits
    return dsa.generate_private_key(key_size=bits)
