import pickle

from flask import request

BOOT_PAYLOAD = request.get_data()


def load_direct():
    # ruleid: compat-options-symbolic-propagation
    return pickle.loads(request.get_data())


def load_via_variable():
    data = request.get_data()
    # ruleid: compat-options-symbolic-propagation
    return pickle.loads(data)


def load_via_copy():
    body = request.get_data()
    data = body
    # ruleid: compat-options-symbolic-propagation
    return pickle.loads(data)


def load_after_unrelated_call():
    data = request.get_data()
    request.close()
    # ruleid: compat-options-symbolic-propagation
    return pickle.loads(data)


def load_module_level():
    # ruleid: compat-options-symbolic-propagation
    return pickle.loads(BOOT_PAYLOAD)


def load_stripped():
    data = request.get_data()
    data = data.strip()
    # ok: compat-options-symbolic-propagation
    return pickle.loads(data)


def load_maybe_default(use_default):
    data = request.get_data()
    if use_default:
        data = b""
    # ok: compat-options-symbolic-propagation
    return pickle.loads(data)


def load_cached(cache):
    data = cache.get("payload")
    # ok: compat-options-symbolic-propagation
    return pickle.loads(data)
