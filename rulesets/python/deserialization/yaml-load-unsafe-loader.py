import yaml
import yaml as pyyaml
from yaml import FullLoader, Loader


def read_config(path):
    with open(path) as fh:
        # ruleid: python.deserialization.yaml-load-unsafe-loader
        return yaml.load(fh, Loader=yaml.FullLoader)


def read_trusted(text):
    # ruleid: python.deserialization.yaml-load-unsafe-loader
    return yaml.load(text, Loader=Loader)


def read_fast(text):
    # ruleid: python.deserialization.yaml-load-unsafe-loader
    return pyyaml.load(text, pyyaml.CUnsafeLoader)


def read_all(path):
    with open(path) as fh:
        # ruleid: python.deserialization.yaml-load-unsafe-loader
        return list(yaml.load_all(fh, FullLoader))


def read_request(request):
    # ruleid: python.deserialization.yaml-load-unsafe-loader
    return yaml.load(
        request.get_data(as_text=True),
        Loader=yaml.UnsafeLoader,
    )


def read_config_safely(path):
    with open(path) as fh:
        # ok: python.deserialization.yaml-load-unsafe-loader
        return yaml.load(fh, Loader=yaml.SafeLoader)


def read_fast_safely(text):
    # ok: python.deserialization.yaml-load-unsafe-loader
    return pyyaml.load(text, pyyaml.CSafeLoader)


def read_safe_load(text):
    # ok: python.deserialization.yaml-load-unsafe-loader
    return yaml.safe_load(text)


def read_custom(text, loader_cls):
    # ok: python.deserialization.yaml-load-unsafe-loader
    return yaml.load(text, Loader=loader_cls)
