import os

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import load_pem_private_key as load_key

# ruleid: python.secrets.private-key-block
SIGNING_KEY = """-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIBYrQ2ZhbmNvbnN0cnVjdGVkdGVzdGtleW5vdHJlYWwxMjM0NTaoAoGCCqGSM49
AwEHoUQDQgAEq3Lb0nZcW4ZkJp8fHfXl0bT3xwM8Qx7h0m5v2c9lY1cVb4nQyZ0pZ4b1
-----END EC PRIVATE KEY-----
"""

DEPLOY_KEY = (
    # ruleid: python.secrets.private-key-block
    "-----BEGIN OPENSSH PRIVATE KEY-----\n"
    "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
    "QyNTUxOQAAACBkZW1vZGVtb2RlbW9kZW1vZGVtb2RlbW9kZW1vZGVtbwAAAJg=\n"
    "-----END OPENSSH PRIVATE KEY-----\n"
)


def service_token(claims):
    # ruleid: python.secrets.private-key-block
    key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END PRIVATE KEY-----"
    return jwt.encode(claims, key, algorithm="RS256")


def webhook_signer():
    return load_key(
        # ruleid: python.secrets.private-key-block
        b"""-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0
-----END RSA PRIVATE KEY-----""",
        password=None,
    )


def load_signing_key():
    # ok: python.secrets.private-key-block
    with open(os.environ["SIGNING_KEY_FILE"], "rb") as fh:
        return serialization.load_pem_private_key(fh.read(), password=None)


def is_pem_private_key(text):
    # ok: python.secrets.private-key-block
    return text.lstrip().startswith("-----BEGIN PRIVATE KEY-----")


def public_key():
    # ok: python.secrets.private-key-block
    return """-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEq3Lb0nZcW4ZkJp8fHfXl0bT3xwM8Qx7h
-----END PUBLIC KEY-----"""
