import base64
import json
import pickle
import pickle as pkl
import shelve

import dill
import jsonpickle
import pandas as pd
from dill import loads as dill_loads
from jsonpickle.unpickler import Unpickler


def restore_session(cookie):
    # ruleid: python.deserialization.pickle-load
    return pickle.loads(base64.b64decode(cookie))


def load_cache(path):
    with open(path, "rb") as fh:
        # ruleid: python.deserialization.pickle-load
        return pkl.load(fh)


def load_stream(fh):
    # ruleid: python.deserialization.pickle-load
    unpickler = pickle.Unpickler(fh)
    return unpickler.load()


def load_closure(blob):
    # ruleid: python.deserialization.pickle-load
    return dill_loads(blob)


def load_model_state(fh):
    # ruleid: python.deserialization.pickle-load
    return dill.load(fh)


def open_store(path):
    # ruleid: python.deserialization.pickle-load
    with shelve.open(path) as db:
        return dict(db)


def decode_event(payload):
    # ruleid: python.deserialization.pickle-load
    return jsonpickle.decode(payload)


def decode_state(state):
    # ruleid: python.deserialization.pickle-load
    return Unpickler().restore(state)


def load_frame(path):
    # ruleid: python.deserialization.pickle-load
    return pd.read_pickle(
        path,
        compression="gzip",
    )


def save_session(session):
    # ok: python.deserialization.pickle-load
    return base64.b64encode(pickle.dumps(session))


def restore_session_json(cookie):
    # ok: python.deserialization.pickle-load
    return json.loads(base64.b64decode(cookie))


def encode_event(event):
    # ok: python.deserialization.pickle-load
    return jsonpickle.encode(event, unpicklable=False)


def load_frame_parquet(path):
    # ok: python.deserialization.pickle-load
    return pd.read_parquet(path)


def load_config(loader, path):
    # ok: python.deserialization.pickle-load
    return loader.load(path)
