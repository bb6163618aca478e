import yaml
import yaml as pyyaml
from yaml import CSafeLoader, SafeLoader


def read_config(path):
    with open(path) as fh:
        # ruleid: python.deserialization.yaml-load
        return yaml.load(fh)


def read_trusted(path):
    with open(path) as fh:
        # ruleid: python.deserialization.yaml-load
        return yaml.load(fh, Loader=yaml.Loader)


def read_fast(text):
    # ruleid: python.deserialization.yaml-load
    return pyyaml.load(text, pyyaml.FullLoader)


def read_request(request):
    # ruleid: python.deserialization.yaml-load
    return yaml.load(
        request.data,
        Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
    )


def read_custom(text, loader_cls):
    # ruleid: python.deserialization.yaml-load
    return yaml.load(stream=text, Loader=loader_cls)


def read_config_safely(path):
    with open(path) as fh:
        # ok: python.deserialization.yaml-load
        return yaml.load(fh, Loader=yaml.SafeLoader)


def read_fast_safely(text):
    # ok: python.deserialization.yaml-load
    return pyyaml.load(text, CSafeLoader)


def read_imported_loader(text):
    # ok: python.deserialization.yaml-load
    return yaml.load(text, Loader=SafeLoader)


def read_safe_load(text):
    # ok: python.deserialization.yaml-load
    return yaml.safe_load(text)


def dump_config(config):
    # ok: python.deserialization.yaml-load
    return yaml.dump(config)


def read_plugin(registry, name):
    # ok: python.deserialization.yaml-load
    return registry.load(name)
