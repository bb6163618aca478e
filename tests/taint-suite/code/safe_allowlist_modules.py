# taint-suite: cwe=95 vulnerable=no
# the module name must be in an allow-list
import importlib

from flask import Flask, abort, request

app = Flask(__name__)

EXPORTERS = {"csv", "json", "xlsx"}


@app.route("/export")
def export():
    fmt = request.args.get("format", "csv")
    if fmt not in EXPORTERS:
        abort(400)
    module = importlib.import_module("exporters." + fmt)
    return module.export()
