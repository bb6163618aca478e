"""Caching of computed recommendations."""
import importlib
import json
# ruleid: python.imports.import-pickle
import pickle
# ruleid: python.imports.import-pickle
import cPickle as pickle_fast
# ruleid: python.imports.import-pickle
from pickle import loads, dumps
# ruleid: python.imports.import-pickle
import dill
# ruleid: python.imports.import-pickle
from shelve import open as open_shelf
# ruleid: python.imports.import-pickle
import shelve, dbm
# ruleid: python.imports.import-pickle
from dill import (
    dumps as dill_dumps,
    loads as dill_loads,
)
# ok: python.imports.import-pickle
import msgpack
# ok: python.imports.import-pickle
from .serializers import pickle_compat
# ok: python.imports.import-pickle
from cachelib import FileSystemCache

CACHE_PATH = "/var/cache/recs/shelf"


def save(user_id, recs):
    with open_shelf(CACHE_PATH) as shelf:
        shelf[str(user_id)] = recs


def load(blob):
    return loads(blob)


def serializer(name):
    if name == "pickle":
        # ruleid: python.imports.import-pickle
        return importlib.import_module("pickle")
    if name == "dill":
        # ruleid: python.imports.import-pickle
        return __import__("dill")
    # ok: python.imports.import-pickle
    return importlib.import_module("json")


def export(recs):
    # ok: python.imports.import-pickle
    return json.dumps(recs).encode()


def lazy_load(path):
    # ruleid: python.imports.import-pickle
    import pickle as lazy_pickle

    with open(path, "rb") as fh:
        return lazy_pickle.load(fh)
