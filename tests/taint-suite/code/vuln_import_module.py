# taint-suite: cwe=95 vulnerable=yes
# a plugin name from the request imported with importlib
import importlib

from fastapi import FastAPI

app = FastAPI()


@app.get("/export/{fmt}")
def export(fmt: str):
    module = importlib.import_module("exporters." + fmt)
    return module.export()
