import joblib
import joblib as jl
import skops.io as sio
from joblib import dump, load


def load_model(path):
    # ruleid: python.deserialization.joblib-load
    return joblib.load(path)


def load_pipeline(fh):
    # ruleid: python.deserialization.joblib-load
    return load(fh)


def load_cached(path):
    # ruleid: python.deserialization.joblib-load
    return jl.load(
        path,
        mmap_mode="r",
    )


def save_model(model, path):
    # ok: python.deserialization.joblib-load
    dump(model, path, compress=3)


def load_model_skops(path):
    # ok: python.deserialization.joblib-load
    return sio.load(path, trusted=["sklearn.linear_model.LogisticRegression"])


def run_parallel(tasks):
    # ok: python.deserialization.joblib-load
    return joblib.Parallel(n_jobs=4)(joblib.delayed(task)() for task in tasks)


def load_config(store, key):
    # ok: python.deserialization.joblib-load
    return store.load(key)
