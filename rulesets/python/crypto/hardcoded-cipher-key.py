import hashlib
import hmac
import os

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from Crypto.Cipher import AES
from Cryptodome.Cipher import ChaCha20_Poly1305

SECRET_KEY = b"hD8pGJk1z4nP6rY0Qe5Xl9Wc2Tv7Ma3Sb1Uo8Ki4Rf0="
WEBHOOK_SECRET = b"whsec_3c1b5e9f0a7d4c2e8b6f"

# ruleid: python.crypto.hardcoded-cipher-key
FERNET = Fernet(SECRET_KEY)


def encrypt_gcm(data):
    nonce = os.urandom(12)
    # ruleid: python.crypto.hardcoded-cipher-key
    return nonce + AESGCM(b"0123456789abcdef0123456789abcdef").encrypt(nonce, data, None)


def encrypt_cbc(iv, padded):
    # ruleid: python.crypto.hardcoded-cipher-key
    enc = Cipher(algorithms.AES(bytes.fromhex("000102030405060708090a0b0c0d0e0f")), modes.CBC(iv)).encryptor()
    return enc.update(padded) + enc.finalize()


def encrypt_legacy(data):
    # ruleid: python.crypto.hardcoded-cipher-key
    cipher = AES.new("sixteen byte key".encode(), AES.MODE_GCM)
    return cipher.nonce, cipher.encrypt_and_digest(data)


def encrypt_chacha(data):
    key = b"an example very very secret key."
    # ruleid: python.crypto.hardcoded-cipher-key
    cipher = ChaCha20_Poly1305.new(key=key)
    return cipher.nonce, cipher.encrypt_and_digest(data)


def sign_webhook(body):
    # ruleid: python.crypto.hardcoded-cipher-key
    return hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()


def sign_callback(body):
    # ruleid: python.crypto.hardcoded-cipher-key
    return hmac.new(key=b"callback-signing-key", msg=body, digestmod="sha256").hexdigest()


def fernet_from_env():
    # ok: python.crypto.hardcoded-cipher-key
    return Fernet(os.environ["FERNET_KEY"])


def encrypt_gcm_with(key, data):
    nonce = os.urandom(12)
    # ok: python.crypto.hardcoded-cipher-key
    return nonce + AESGCM(key).encrypt(nonce, data, None)


def new_key():
    # ok: python.crypto.hardcoded-cipher-key
    return Fernet(Fernet.generate_key())


def derived_cipher(password, salt, iv):
    key = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    # ok: python.crypto.hardcoded-cipher-key
    return AES.new(key, AES.MODE_CBC, iv)
