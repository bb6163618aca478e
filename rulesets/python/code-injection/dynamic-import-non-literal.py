import importlib
from importlib import import_module as load_module

ALLOWED_BACKENDS = {"myapp.backends.redis", "myapp.backends.memory"}

EXPORTERS = {
    "csv": "myapp.exporters.csv",
    "json": "myapp.exporters.json",
}


def load_exporter(request):
    # ruleid: python.code-injection.dynamic-import-non-literal
    module = importlib.import_module(request.args["format"])
    return module.export


def load_plugin(name):
    # ruleid: python.code-injection.dynamic-import-non-literal
    return __import__(name, fromlist=["plugin"])


def load_task(payload):
    # ruleid: python.code-injection.dynamic-import-non-literal
    return load_module(f"myapp.tasks.{payload['task']}")


def load_handler(settings):
    # ruleid: python.code-injection.dynamic-import-non-literal
    return importlib.__import__(settings.HANDLER_MODULE)


def load_by_keyword(module_name):
    # ruleid: python.code-injection.dynamic-import-non-literal
    return importlib.import_module(name=module_name)


def load_json():
    # ok: python.code-injection.dynamic-import-non-literal
    return importlib.import_module("json")


def load_views():
    # ok: python.code-injection.dynamic-import-non-literal
    return importlib.import_module(".views", package=__name__)


def load_exporter_safely(request):
    # ok: python.code-injection.dynamic-import-non-literal
    module = importlib.import_module(EXPORTERS[request.args["format"]])
    return module.export


def load_backend(name):
    if name in ALLOWED_BACKENDS:
        # ok: python.code-injection.dynamic-import-non-literal
        return importlib.import_module(name)
    raise ValueError(f"unknown backend {name}")


def load_backend_checked(name):
    if name not in ALLOWED_BACKENDS:
        raise ValueError(f"unknown backend {name}")
    # ok: python.code-injection.dynamic-import-non-literal
    return importlib.import_module(name)


def reload_module(module):
    # ok: python.code-injection.dynamic-import-non-literal
    return importlib.reload(module)
