import io

import torch
import torch as th
from torch.serialization import load as load_serialized


def load_checkpoint(path, model):
    # ruleid: python.deserialization.torch-load
    model.load_state_dict(torch.load(path, map_location="cpu"))


def load_full_model(path):
    # ruleid: python.deserialization.torch-load
    return torch.load(path, weights_only=False)


def load_from_bytes(blob):
    # ruleid: python.deserialization.torch-load
    return th.load(
        io.BytesIO(blob),
        map_location="cpu",
    )


def load_legacy(fh):
    # ruleid: python.deserialization.torch-load
    return load_serialized(fh)


def load_configurable(path, trusted):
    # ruleid: python.deserialization.torch-load
    return torch.serialization.load(path, weights_only=trusted)


def load_weights(path, model):
    # ok: python.deserialization.torch-load
    state = torch.load(path, map_location="cpu", weights_only=True)
    model.load_state_dict(state)


def load_weights_aliased(path):
    # ok: python.deserialization.torch-load
    return th.load(path, weights_only=True)


def save_checkpoint(model, path):
    # ok: python.deserialization.torch-load
    torch.save(model.state_dict(), path)


def load_jit(path):
    # ok: python.deserialization.torch-load
    return torch.jit.load(path)


def restore(model, state):
    # ok: python.deserialization.torch-load
    model.load_state_dict(state)
