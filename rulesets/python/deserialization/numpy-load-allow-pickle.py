import numpy
import numpy as np
from numpy import load
from numpy.lib import format as npy_format

ALLOW_OBJECTS = True


def load_features(path):
    # ruleid: python.deserialization.numpy-load-allow-pickle
    return np.load(path, allow_pickle=True)


def load_archive(path):
    # ruleid: python.deserialization.numpy-load-allow-pickle
    with load(path, mmap_mode="r", allow_pickle=True) as archive:
        return dict(archive)


def load_labels(fh):
    # ruleid: python.deserialization.numpy-load-allow-pickle
    return numpy.load(
        fh,
        allow_pickle=ALLOW_OBJECTS,
    )


def read_raw(fh):
    # ruleid: python.deserialization.numpy-load-allow-pickle
    return npy_format.read_array(fh, allow_pickle=True)


def load_features_safely(path):
    # ok: python.deserialization.numpy-load-allow-pickle
    return np.load(path)


def load_explicitly_safe(path):
    # ok: python.deserialization.numpy-load-allow-pickle
    return np.load(path, allow_pickle=False)


def save_features(path, features):
    # ok: python.deserialization.numpy-load-allow-pickle
    np.save(path, features, allow_pickle=False)


def load_text(path):
    # ok: python.deserialization.numpy-load-allow-pickle
    return np.loadtxt(path, delimiter=",")
