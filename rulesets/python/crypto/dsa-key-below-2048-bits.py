from cryptography.hazmat.primitives.asymmetric import dsa
from cryptography.hazmat.primitives.asymmetric.dsa import generate_private_key
from Crypto.PublicKey import DSA
from Cryptodome.PublicKey import DSA as DomeDSA

SSH_DSS_BITS = 1024


def ssh_dss_key():
    # ruleid: python.crypto.dsa-key-below-2048-bits
    return dsa.generate_private_key(key_size=SSH_DSS_BITS)


def positional_key():
    # ruleid: python.crypto.dsa-key-below-2048-bits
    return generate_private_key(1024)


def parameters():
    # ruleid: python.crypto.dsa-key-below-2048-bits
    return dsa.generate_parameters(key_size=1024)


def legacy_key():
    # ruleid: python.crypto.dsa-key-below-2048-bits
    return DSA.generate(1024)


def dome_key():
    # ruleid: python.crypto.dsa-key-below-2048-bits
    return DomeDSA.generate(
        bits=1024,
    )


def modern_key():
    # ok: python.crypto.dsa-key-below-2048-bits
    return dsa.generate_private_key(key_size=2048)


def strong_key():
    # ok: python.crypto.dsa-key-below-2048-bits
    return DomeDSA.generate(3072)


def load_key(pem):
    # ok: python.crypto.dsa-key-below-2048-bits
    return DSA.import_key(pem)
