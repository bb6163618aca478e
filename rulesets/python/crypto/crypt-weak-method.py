import crypt
from crypt import METHOD_CRYPT, METHOD_SHA512, mksalt


def hash_password(password):
    # ruleid: python.crypto.crypt-weak-method
    return crypt.crypt(password, crypt.mksalt(crypt.METHOD_MD5))


def legacy_hash(password):
    # ruleid: python.crypto.crypt-weak-method
    return crypt.crypt(password, METHOD_CRYPT)


def blowfish_salt():
    # ruleid: python.crypto.crypt-weak-method
    return mksalt(method=crypt.METHOD_BLOWFISH, rounds=1 << 12)


def htpasswd_entry(user, password):
    # ruleid: python.crypto.crypt-weak-method
    return f"{user}:{crypt.crypt(password, salt=crypt.METHOD_MD5)}"


def hash_password_sha512(password):
    # ok: python.crypto.crypt-weak-method
    return crypt.crypt(password, crypt.mksalt(METHOD_SHA512))


def hash_password_default(password):
    # ok: python.crypto.crypt-weak-method
    return crypt.crypt(password)


def verify(password, stored):
    # ok: python.crypto.crypt-weak-method
    return crypt.crypt(password, stored) == stored
