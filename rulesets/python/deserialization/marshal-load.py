import json
import marshal
import marshal as msh
from marshal import loads


def load_rules(blob):
    # ruleid: python.deserialization.marshal-load
    return marshal.loads(blob)


def load_code(path):
    with open(path, "rb") as fh:
        fh.read(16)
        # ruleid: python.deserialization.marshal-load
        return marshal.load(fh)


def load_cached(blob):
    # ruleid: python.deserialization.marshal-load
    return loads(blob)


def load_aliased(fh):
    # ruleid: python.deserialization.marshal-load
    return msh.load(fh)


def save_rules(rules):
    # ok: python.deserialization.marshal-load
    return marshal.dumps(rules)


def load_rules_json(blob):
    # ok: python.deserialization.marshal-load
    return json.loads(blob)


def load_from(store, key):
    # ok: python.deserialization.marshal-load
    return store.loads(key)
