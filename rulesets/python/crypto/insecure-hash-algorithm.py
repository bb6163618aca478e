from Crypto.Hash import MD5, SHA, SHA256
from Cryptodome.Hash import MD4 as DomeMD4, SHA1 as DomeSHA1
import Crypto.Hash.MD2
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.hashes import SHA1 as CryptoSHA1


def document_id(data):
    # ruleid: python.crypto.insecure-hash-algorithm
    return MD5.new(data).hexdigest()


def legacy_fingerprint(data):
    # ruleid: python.crypto.insecure-hash-algorithm
    h = SHA.new()
    h.update(data)
    return h.hexdigest()


def ntlm_like(data):
    # ruleid: python.crypto.insecure-hash-algorithm
    return DomeMD4.new(data).digest()


def sha1_checksum(data):
    # ruleid: python.crypto.insecure-hash-algorithm
    return DomeSHA1.new(data).hexdigest()


def md2_digest(data):
    # ruleid: python.crypto.insecure-hash-algorithm
    return Crypto.Hash.MD2.new(data).digest()


def signature_digest(data):
    # ruleid: python.crypto.insecure-hash-algorithm
    digest = hashes.Hash(hashes.SHA1())
    digest.update(data)
    return digest.finalize()


def webhook_mac(key, body):
    # ruleid: python.crypto.insecure-hash-algorithm
    mac = hmac.HMAC(key, CryptoSHA1())
    mac.update(body)
    return mac.finalize()


def md5_digest(data):
    digest = hashes.Hash(
        # ruleid: python.crypto.insecure-hash-algorithm
        hashes.MD5(),
    )
    digest.update(data)
    return digest.finalize()


def document_id_safe(data):
    # ok: python.crypto.insecure-hash-algorithm
    return SHA256.new(data).hexdigest()


def signature_digest_safe(data):
    # ok: python.crypto.insecure-hash-algorithm
    digest = hashes.Hash(hashes.SHA256())
    digest.update(data)
    return digest.finalize()


def cache_key(cache, data):
    # ok: python.crypto.insecure-hash-algorithm
    return cache.MD5.new(data)
