import torch
import torch as th
from torch import load

UNSAFE_LOAD = False


def load_model(path):
    # ruleid: python.deserialization.torch-load-weights-only-false
    return torch.load(path, weights_only=True)


def load_optimizer(path):
    # ruleid: python.deserialization.torch-load-weights-only-false
    return th.load(
        path,
        map_location="cpu",
        weights_only=True,
    )


def load_legacy(fh):
    # ruleid: python.deserialization.torch-load-weights-only-false
    return load(fh, weights_only=True)


def load_serialized(fh):
    # ruleid: python.deserialization.torch-load-weights-only-false
    return torch.serialization.load(fh, weights_only=True)


def load_with_flag(path):
    # ruleid: python.deserialization.torch-load-weights-only-false
    return torch.load(path, weights_only=UNSAFE_LOAD)


def load_weights(path, model):
    # ok: python.deserialization.torch-load-weights-only-false
    model.load_state_dict(torch.load(path, weights_only=True))


def load_default(path):
    # ok: python.deserialization.torch-load-weights-only-false
    return torch.load(path, map_location="cpu")


def load_state(checkpoint, model):
    # ok: python.deserialization.torch-load-weights-only-false
    model.load_state_dict(checkpoint, strict=False)


def read_config(loader, path):
    # ok: python.deserialization.torch-load-weights-only-false
    return loader.load(path, weights_only=False)
