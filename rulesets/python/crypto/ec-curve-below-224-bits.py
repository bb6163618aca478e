from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ec import SECT163K1, generate_private_key
from Cryptodome.PublicKey import ECC


def device_key():
    # ruleid: python.crypto.ec-curve-below-224-bits
    return ec.generate_private_key(ec.SECP192R1())


def sensor_key():
    # ruleid: python.crypto.ec-curve-below-224-bits
    return generate_private_key(curve=SECT163K1())


def binary_curve_key():
    # ruleid: python.crypto.ec-curve-below-224-bits
    return ec.generate_private_key(ec.SECT163R2)


def derived_key(secret):
    # ruleid: python.crypto.ec-curve-below-224-bits
    return ec.derive_private_key(secret, ec.SECP192R1())


def dome_key():
    # ruleid: python.crypto.ec-curve-below-224-bits
    return ECC.generate(curve="P-192")


def modern_key():
    # ok: python.crypto.ec-curve-below-224-bits
    return ec.generate_private_key(ec.SECP256R1())


def strong_key():
    # ok: python.crypto.ec-curve-below-224-bits
    return generate_private_key(curve=ec.SECP384R1())


def dome_modern_key():
    # ok: python.crypto.ec-curve-below-224-bits
    return ECC.generate(curve="P-256")


def configured_key(curve):
    # ok: python.crypto.ec-curve-below-224-bits
    return ec.generate_private_key(curve)
