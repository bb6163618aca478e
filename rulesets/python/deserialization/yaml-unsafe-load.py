import yaml
import yaml as pyyaml
from yaml import unsafe_load_all


def read_manifest(text):
    # ruleid: python.deserialization.yaml-unsafe-load
    return yaml.unsafe_load(text)


def read_documents(path):
    with open(path) as fh:
        # ruleid: python.deserialization.yaml-unsafe-load
        return list(unsafe_load_all(fh))


def read_settings(text):
    # ruleid: python.deserialization.yaml-unsafe-load
    return pyyaml.full_load(text)


def read_stream(fh):
    # ruleid: python.deserialization.yaml-unsafe-load
    for document in yaml.full_load_all(fh):
        yield document


def read_manifest_safely(text):
    # ok: python.deserialization.yaml-unsafe-load
    return yaml.safe_load(text)


def read_documents_safely(fh):
    # ok: python.deserialization.yaml-unsafe-load
    return list(yaml.safe_load_all(fh))


def read_with_loader(text):
    # ok: python.deserialization.yaml-unsafe-load
    return yaml.load(text, Loader=yaml.SafeLoader)


def read_plugin(loader, text):
    # ok: python.deserialization.yaml-unsafe-load
    return loader.unsafe_load(text)
