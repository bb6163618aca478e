import bcrypt
from bcrypt import gensalt as new_salt

FAST_ROUNDS = 8


def hash_password(password):
    # ruleid: python.crypto.bcrypt-low-rounds
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=10))


def hash_api_secret(secret):
    # ruleid: python.crypto.bcrypt-low-rounds
    return bcrypt.hashpw(secret.encode(), new_salt(6))


def quick_hash(password):
    # ruleid: python.crypto.bcrypt-low-rounds
    salt = bcrypt.gensalt(rounds=FAST_ROUNDS, prefix=b"2b")
    return bcrypt.hashpw(password.encode(), salt)


def hash_pin(pin):
    salt = new_salt(
        # ruleid: python.crypto.bcrypt-low-rounds
        rounds=4,
    )
    return bcrypt.hashpw(pin.encode(), salt)


def hash_password_default(password):
    # ok: python.crypto.bcrypt-low-rounds
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt())


def hash_password_strong(password):
    # ok: python.crypto.bcrypt-low-rounds
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=14))


def hash_password_configured(password, settings):
    # ok: python.crypto.bcrypt-low-rounds
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=settings.BCRYPT_ROUNDS))


def kdf_key(password, salt):
    # ok: python.crypto.bcrypt-low-rounds
    return bcrypt.kdf(password.encode(), salt, desired_key_bytes=32, rounds=100)
